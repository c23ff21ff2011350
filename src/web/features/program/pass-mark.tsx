// The pass mark in public copy, read from the program (never typed into a page): "75%" while every
// module shares it, otherwise (and while the program loads) the words "the pass mark".
import { sharedPassPercent } from "../../../common/program/pass-mark";
import { useProgram } from "./program-queries";

export function PassMark() {
  const program = useProgram();
  const percent = program.data ? sharedPassPercent(program.data.modules) : null;
  return <>{percent === null ? "the pass mark" : `${percent}%`}</>;
}
