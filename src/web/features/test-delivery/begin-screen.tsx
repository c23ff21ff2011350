// The screen between the test day page and a module's first question: the instructions, a sample
// question to try, and Begin. Nothing of the test is on this screen and no time runs here: Begin
// starts the attempt (POST /api/v1/attempts), which is when the module's clock starts.
import { useRef } from "react";
import { Link } from "react-router";
import { FormAlert } from "../../components/form-alert";
import type { SittingView } from "../../../common/schemas/delivery";
import { SampleQuestion } from "./sample-question";
import { startErrorMessage, useStartModule } from "./sitting-queries";
import { Tutorial } from "./tutorial";
import "../../styles/test-screen.css";

export function BeginScreen({ sitting, module }: { sitting: SittingView; module: string }) {
  const start = useStartModule(sitting.registrationId);
  const heading = useRef<HTMLHeadingElement>(null);
  const mod = sitting.modules.find((m) => m.code === module);
  const sittingLink = `/sitting/${encodeURIComponent(sitting.registrationId)}`;
  if (!mod) {
    return (
      <main className="begin-screen">
        <h1>Module not found</h1>
        <p>
          You are not registered for {module} in this session. <Link to={sittingLink}>Back to your test day</Link>
        </p>
      </main>
    );
  }
  const ready = sitting.checkedIn && sitting.proctorPresent;
  return (
    <main className="begin-screen">
      <p className="begin-screen__back">
        <Link to={sittingLink}>Back to your test day</Link>
      </p>
      <h1 className="begin-screen__title">
        <span className="test-header__program">MT1</span> {mod.name}
      </h1>
      {!ready ? (
        <div role="status" className="notice notice--info">
          <p>{!sitting.checkedIn ? "Your proctor has not checked you in yet." : "Your proctor is not present right now."} You can read on; Begin works once you are admitted and your proctor is present.</p>
        </div>
      ) : null}
      <FormAlert>{start.isError ? startErrorMessage(start.error) : null}</FormAlert>
      <Tutorial
        total={mod.questions}
        clock={{ started: false, minutes: mod.minutes }}
        calculator={mod.calculator}
        readAloud={sitting.accommodations.includes("read_aloud")}
        breaks={sitting.accommodations.includes("extra_breaks")}
        returning={false}
        headingRef={heading}
        sample={<SampleQuestion />}
        busy={start.isPending}
        onBegin={() => start.mutate(mod.code)}
      />
    </main>
  );
}
