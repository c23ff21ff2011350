// Starter templates for the eight MT1 item types, written to docs/ITEM-FORMAT.md: QTI 3.0, a key,
// a rationale, spoken text for the stem, 1 point, the response-processing template URLs exactly as
// documented, and for the hotspot item a figure (uploaded when the template is chosen) with alt
// text and a long description. Authors replace the identifier and the content.

export type TemplateId =
  | "single_choice"
  | "multiple_response"
  | "numeric"
  | "text_entry"
  | "ordering"
  | "hotspot"
  | "inline_choice"
  | "matching";

export interface ItemTemplate {
  id: TemplateId;
  label: string;
  description: string;
  xml: (identifier: string) => string;
  /** Figures the item refers to as figures/<fileName>; uploaded with the template. */
  figures?: (identifier: string) => { fileName: string; contentType: string; body: string }[];
}

const MATCH_CORRECT = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml";
const MAP_RESPONSE = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml";

const open = (identifier: string, title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
    identifier="${identifier}" title="${title}" adaptive="false" time-dependent="false" xml:lang="en-US">`;

const outcomes = `  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float">
    <qti-default-value><qti-value>0</qti-value></qti-default-value>
  </qti-outcome-declaration>
  <qti-outcome-declaration identifier="FEEDBACK" cardinality="single" base-type="identifier"/>`;

const spoken = (cards: Record<string, string>) => `  <qti-catalog-info>
${Object.entries(cards)
  .map(
    ([id, text]) => `    <qti-catalog id="${id}">
      <qti-card support="spoken">
        <qti-html-content>${text}</qti-html-content>
      </qti-card>
    </qti-catalog>`,
  )
  .join("\n")}
  </qti-catalog-info>`;

const template = (url: string) => `  <qti-response-processing template="${url}"/>`;

const rationale = (text: string) => `  <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="RATIONALE" show-hide="show" title="Why this is the answer">
    <qti-content-body><p>${text}</p></qti-content-body>
  </qti-modal-feedback>
</qti-assessment-item>
`;

const FIGURE_HINT = `    <!-- A figure: upload it below, then add
    <figure>
      <img src="figures/NAME.svg" alt="One sentence saying what the figure shows." width="W" height="H" aria-describedby="ID-fig-desc"/>
    </figure>
    <div id="ID-fig-desc" class="qti-visually-hidden">Every dimension, label and reading the question depends on.</div> -->`;

const NUMERIC_PROCESSING = `  <qti-response-processing>
    <qti-response-condition>
      <qti-response-if>
        <qti-equal tolerance-mode="absolute" tolerance="0.5 0.5">
          <qti-variable identifier="RESPONSE"/>
          <qti-correct identifier="RESPONSE"/>
        </qti-equal>
        <qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1</qti-base-value></qti-set-outcome-value>
      </qti-response-if>
      <qti-response-else>
        <qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">0</qti-base-value></qti-set-outcome-value>
      </qti-response-else>
    </qti-response-condition>
  </qti-response-processing>`;

function controlPanelSvg(): string {
  const button = (cx: number, label: string, ring: string) => `  <circle cx="${cx}" cy="90" r="40" fill="#ffffff" stroke="#222222" stroke-width="3"${ring}/>
  <circle cx="${cx}" cy="90" r="28" fill="#e6e6e6" stroke="#222222" stroke-width="2"/>
  <text x="${cx}" y="162" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="18" font-weight="bold" fill="#111111">${label}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 200" width="480" height="200">
  <title>Conveyor control panel with three round push buttons labelled START, STOP and RESET from left to right.</title>
  <rect x="0" y="0" width="480" height="200" fill="#ffffff"/>
  <rect x="10" y="10" width="460" height="180" rx="8" fill="#ffffff" stroke="#333333" stroke-width="2"/>
  <text x="240" y="34" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="16" fill="#333333">CONVEYOR 3</text>
${button(100, "START", "")}
${button(240, "STOP", ' stroke-dasharray="8 4"')}
${button(380, "RESET", "")}
</svg>
`;
}

export const ITEM_TEMPLATES: ItemTemplate[] = [
  {
    id: "single_choice",
    label: "Single choice",
    description: "Four options A–D, one correct (match_correct).",
    xml: (id) => `${open(id, "Bottles filled in one shift")}
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">A bottling line fills 1,200 bottles per hour and runs 7.5 hours in a shift.</p>
${FIGURE_HINT}
    <qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="1">
      <qti-prompt>How many bottles does the line fill in one shift?</qti-prompt>
      <qti-simple-choice identifier="A">9,000</qti-simple-choice>
      <qti-simple-choice identifier="B">160</qti-simple-choice>
      <qti-simple-choice identifier="C">8,400</qti-simple-choice>
      <qti-simple-choice identifier="D">9,600</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
${spoken({ "spoken-stem": "A bottling line fills 1,200 bottles per hour and runs 7.5 hours in a shift. How many bottles does the line fill in one shift?" })}
${template(MATCH_CORRECT)}
${rationale("Bottles = rate × time = 1,200 bottles per hour × 7.5 h = 9,000. 160 divides the rate by the time; 8,400 and 9,600 round the shift to 7 or 8 hours.")}`,
  },
  {
    id: "multiple_response",
    label: "Multiple response",
    description: "4–6 options, every correct one listed (all or nothing).",
    xml: (id) => `${open(id, "Lengths equal to half an inch")}
  <qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier">
    <qti-correct-response>
      <qti-value>A</qti-value>
      <qti-value>B</qti-value>
      <qti-value>C</qti-value>
    </qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">A drawing calls for a slot 0.5 in wide. A machinist checks which tool and gauge sizes in the crib are the same width.</p>
    <qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="0">
      <qti-prompt>Which of these lengths are equal to 0.5 in? Select all that apply.</qti-prompt>
      <qti-simple-choice identifier="A" data-catalog-idref="spoken-A">1/2 in</qti-simple-choice>
      <qti-simple-choice identifier="B" data-catalog-idref="spoken-B">8/16 in</qti-simple-choice>
      <qti-simple-choice identifier="C" data-catalog-idref="spoken-C">12.7 mm</qti-simple-choice>
      <qti-simple-choice identifier="D" data-catalog-idref="spoken-D">5/8 in</qti-simple-choice>
      <qti-simple-choice identifier="E" data-catalog-idref="spoken-E">0.05 in</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
${spoken({
  "spoken-stem": "A drawing calls for a slot 0.5 inches wide. A machinist checks which tool and gauge sizes in the crib are the same width.",
  "spoken-A": "one-half of an inch",
  "spoken-B": "eight-sixteenths of an inch",
  "spoken-C": "12.7 millimeters",
  "spoken-D": "five-eighths of an inch",
  "spoken-E": "0.05 inches",
})}
${template(MATCH_CORRECT)}
${rationale("1/2 in and 8/16 in are both 0.5 in, and 0.5 in × 25.4 mm per inch = 12.7 mm. 5/8 in is 0.625 in; 0.05 in moves the decimal point one place.")}`,
  },
  {
    id: "numeric",
    label: "Numeric entry",
    description: "A number typed in, scored within a tolerance; the unit follows the box.",
    xml: (id) => `${open(id, "Time to stamp a batch of parts")}
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="float">
    <qti-correct-response><qti-value>28</qti-value></qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">A stamping press makes 45 brackets per minute. How many minutes does it take to make 1,260 brackets? Give your answer to the nearest whole minute.</p>
    <p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="8"/> min</p>
  </qti-item-body>
${spoken({ "spoken-stem": "A stamping press makes 45 brackets per minute. How many minutes does it take to make 1,260 brackets? Give your answer to the nearest whole minute." })}
${NUMERIC_PROCESSING}
${rationale("Time = parts ÷ rate = 1,260 ÷ 45 per minute = 28 min. Multiplying instead (56,700) or dividing the wrong way (0.036) are the usual slips.")}`,
  },
  {
    id: "text_entry",
    label: "Text entry",
    description: "A word typed in; every accepted spelling mapped to 1 point.",
    xml: (id) => `${open(id, "Naming the micrometer")}
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string">
    <qti-correct-response><qti-value>micrometer</qti-value></qti-correct-response>
    <qti-mapping default-value="0" upper-bound="1">
      <qti-map-entry map-key="micrometer" mapped-value="1" case-sensitive="false"/>
      <qti-map-entry map-key="micrometer caliper" mapped-value="1" case-sensitive="false"/>
      <qti-map-entry map-key="outside micrometer" mapped-value="1" case-sensitive="false"/>
    </qti-mapping>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">An inspector measures the diameter of a turned pin with a hand tool that has an anvil, a spindle, a sleeve and a thimble, and reads it to 0.001 in.</p>
    <p>Type the name of this tool: <qti-text-entry-interaction response-identifier="RESPONSE" expected-length="15"/></p>
  </qti-item-body>
${spoken({ "spoken-stem": "An inspector measures the diameter of a turned pin with a hand tool that has an anvil, a spindle, a sleeve and a thimble, and reads it to one thousandth of an inch." })}
${template(MAP_RESPONSE)}
${rationale("The anvil, spindle, sleeve and thimble are the parts of a micrometer. A dial caliper has jaws and a dial, not a thimble.")}`,
  },
  {
    id: "ordering",
    label: "Ordering",
    description: "4–5 steps put in order (ordered / identifier).",
    xml: (id) => `${open(id, "Measuring with an outside micrometer")}
  <qti-response-declaration identifier="RESPONSE" cardinality="ordered" base-type="identifier">
    <qti-correct-response>
      <qti-value>A</qti-value>
      <qti-value>B</qti-value>
      <qti-value>C</qti-value>
      <qti-value>D</qti-value>
    </qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">An operator measures a shaft diameter with a 0–1 in outside micrometer.</p>
    <qti-order-interaction response-identifier="RESPONSE" shuffle="true">
      <qti-prompt>Put the steps in order, first step at the top.</qti-prompt>
      <qti-simple-choice identifier="A">Wipe the anvil and spindle faces clean and check that the micrometer reads zero when closed</qti-simple-choice>
      <qti-simple-choice identifier="B">Place the shaft between the anvil and the spindle</qti-simple-choice>
      <qti-simple-choice identifier="C">Turn the ratchet stop until it clicks so the spindle closes with light, even pressure</qti-simple-choice>
      <qti-simple-choice identifier="D">Read the sleeve and add the thimble reading</qti-simple-choice>
    </qti-order-interaction>
  </qti-item-body>
${spoken({ "spoken-stem": "An operator measures a shaft diameter with a zero to one inch outside micrometer. Put the steps in order, first step at the top." })}
${template(MATCH_CORRECT)}
${rationale("The faces are cleaned and zero checked before the part goes in; the ratchet gives the same light pressure every time; only then is the reading taken. Reading before closing with the ratchet gives a loose, wrong value.")}`,
  },
  {
    id: "hotspot",
    label: "Hotspot",
    description: "An SVG figure with 3–5 selectable areas (a starter figure is uploaded for you).",
    figures: (id) => [{ fileName: `${id}.svg`, contentType: "image/svg+xml", body: controlPanelSvg() }],
    xml: (id) => `${open(id, "Stop button on a conveyor panel")}
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>B</qti-value></qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">The figure shows the control panel of conveyor 3. A carton has jammed at the transfer and the conveyor must be stopped.</p>
    <div id="${id}-fig-desc" class="qti-visually-hidden">A rectangular panel headed CONVEYOR 3 holds three round push buttons in a row. From left to right they are labelled START, STOP and RESET; the STOP button has a dashed outer ring. Each of the three buttons can be selected.</div>
    <qti-hotspot-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-prompt>Select the button that stops the conveyor.</qti-prompt>
      <img src="figures/${id}.svg" alt="Conveyor control panel with three round push buttons labelled START, STOP and RESET from left to right." width="480" height="200" aria-describedby="${id}-fig-desc"/>
      <qti-hotspot-choice identifier="A" shape="circle" coords="100,90,42" hotspot-label="START button"/>
      <qti-hotspot-choice identifier="B" shape="circle" coords="240,90,42" hotspot-label="STOP button"/>
      <qti-hotspot-choice identifier="C" shape="circle" coords="380,90,42" hotspot-label="RESET button"/>
    </qti-hotspot-interaction>
  </qti-item-body>
${spoken({ "spoken-stem": "The figure shows the control panel of conveyor 3. A carton has jammed at the transfer and the conveyor must be stopped. Select the button that stops the conveyor." })}
${template(MATCH_CORRECT)}
${rationale("The STOP button stops the conveyor. RESET only clears a fault after the machine has stopped, and START runs it.")}`,
  },
  {
    id: "inline_choice",
    label: "Inline choice",
    description: "A drop-down inside a sentence, 3–4 options.",
    xml: (id) => `${open(id, "Unit of torque")}
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">A maintenance technician tightens the bolts of a pump flange with a torque wrench set to the value on the work order.</p>
    <p>In SI units, the torque setting of the wrench is given in
      <qti-inline-choice-interaction response-identifier="RESPONSE" shuffle="true">
        <qti-inline-choice identifier="A">newton-meters</qti-inline-choice>
        <qti-inline-choice identifier="B">newtons</qti-inline-choice>
        <qti-inline-choice identifier="C">pascals</qti-inline-choice>
        <qti-inline-choice identifier="D">watts</qti-inline-choice>
      </qti-inline-choice-interaction>.</p>
  </qti-item-body>
${spoken({ "spoken-stem": "A maintenance technician tightens the bolts of a pump flange with a torque wrench set to the value on the work order." })}
${template(MATCH_CORRECT)}
${rationale("Torque is a force times a distance, so its SI unit is the newton-meter. Newtons measure force alone, pascals pressure and watts power.")}`,
  },
  {
    id: "matching",
    label: "Matching",
    description: "Two sets; pairs written as “L1 R2” (multiple / directedPair).",
    xml: (id) => `${open(id, "Matching gauges to measurements")}
  <qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair">
    <qti-correct-response>
      <qti-value>L1 R1</qti-value>
      <qti-value>L2 R2</qti-value>
      <qti-value>L3 R3</qti-value>
    </qti-correct-response>
  </qti-response-declaration>
${outcomes}
  <qti-item-body>
    <p data-catalog-idref="spoken-stem">A maintenance crew checks a gearbox before it goes back into service.</p>
    <qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="3">
      <qti-prompt>Match each instrument to the measurement it is used for.</qti-prompt>
      <qti-simple-match-set>
        <qti-simple-associable-choice identifier="L1" match-max="1">Dial indicator</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="L2" match-max="1">Outside micrometer</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="L3" match-max="1">Tachometer</qti-simple-associable-choice>
      </qti-simple-match-set>
      <qti-simple-match-set>
        <qti-simple-associable-choice identifier="R1" match-max="1">Runout of the output shaft</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="R2" match-max="1">Diameter of a shaft journal</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="R3" match-max="1">Speed of the input shaft in rpm</qti-simple-associable-choice>
        <qti-simple-associable-choice identifier="R4" match-max="1">Oil pressure in the lubrication line</qti-simple-associable-choice>
      </qti-simple-match-set>
    </qti-match-interaction>
  </qti-item-body>
${spoken({ "spoken-stem": "A maintenance crew checks a gearbox before it goes back into service. Match each instrument to the measurement it is used for." })}
${template(MATCH_CORRECT)}
${rationale("A dial indicator shows runout as the shaft turns; a micrometer measures a diameter; a tachometer measures speed in rpm. Oil pressure needs a pressure gauge, which is not in the list.")}`,
  },
];

export const templateById = (id: string) => ITEM_TEMPLATES.find((t) => t.id === id);

/** A fresh identifier for a new item: authors rename it to MT1-<SKILL>-<NNN> before review. */
export function draftIdentifier(skill: string | undefined, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(2, 12);
  return `MT1-${skill || "NEW"}-D${stamp}`;
}
