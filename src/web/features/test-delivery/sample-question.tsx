// A sample question on the instructions before Begin: the candidate tries the controls (an answer
// choice and a numeric entry) before the clock starts. It is written for this screen, is not in the
// item bank, and nothing about it is saved or scored.
import { useState } from "react";
import type { CandidateResponse, ItemPresentation } from "../../api/types";
import { ItemView } from "../item-render/item-view";

const SAMPLE: ItemPresentation = {
  lang: "en",
  spoken: {},
  body: [
    { tag: "p", children: ["A shop cuts 12 brackets from one steel bar. Which number of bars is needed for 60 brackets?"] },
    {
      interaction: {
        kind: "choice",
        responseId: "CHOICE",
        shuffle: false,
        maxChoices: 1,
        minChoices: 0,
        prompt: [],
        choices: [
          { id: "sample-a", content: ["4 bars"] },
          { id: "sample-b", content: ["5 bars"] },
          { id: "sample-c", content: ["6 bars"] },
          { id: "sample-d", content: ["12 bars"] },
        ],
      },
    },
    {
      tag: "p",
      children: [
        "A numeric entry takes numbers only. How many inches are in one foot? ",
        { interaction: { kind: "textEntry", responseId: "NUMBER", expectedLength: 4, numeric: true, label: "Inches in one foot" } },
        " in",
      ],
    },
  ],
};

export function SampleQuestion() {
  const [response, setResponse] = useState<CandidateResponse>({});
  return (
    <section className="tutorial__sample" aria-labelledby="sample-heading">
      <h3 id="sample-heading">Try a sample question</h3>
      <p className="tutorial__sample-note">This one is only for practice: it is not part of your test, and nothing you enter here is saved or scored.</p>
      <div className="question tutorial__sample-question">
        <ItemView presentation={SAMPLE} response={response} onChange={setResponse} labelledBy="sample-heading" />
      </div>
    </section>
  );
}
