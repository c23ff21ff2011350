export { ItemView, PresentationContent, type ItemViewProps } from "./item-view";
export { describeResponse, describeValue } from "./response-shapes";
export { interactionsOf, textOf } from "./presentation-utils";
