// Read-aloud for candidates approved for it: the whole question (also Alt+R) and each option on its
// own. It reads the item's spoken text (see spoken-text.ts) with the browser's speech synthesis.
import type { SpokenItem } from "./spoken-text";

interface Props {
  spoken: SpokenItem;
  lang: string;
  supported: boolean;
  speaking: boolean;
  speak: (text: string, lang: string) => void;
  stop: () => void;
}

export function ReadAloudControls({ spoken, lang, supported, speaking, speak, stop }: Props) {
  if (!supported) {
    return (
      <p className="notice notice--info read-aloud__unavailable">
        Read-aloud is not available in this browser. Ask your proctor for help.
      </p>
    );
  }
  return (
    <div className="read-aloud">
      <div className="read-aloud__main">
        <button type="button" className="button button--secondary button--small" onClick={() => speak(spoken.whole, lang)}>
          Read aloud
        </button>
        <button type="button" className="button button--secondary button--small" onClick={stop} disabled={!speaking}>
          Stop reading
        </button>
      </div>
      {spoken.options.length ? (
        <div className="read-aloud__options" role="group" aria-label="Read one option">
          <span className="read-aloud__hint" aria-hidden="true">
            Read one option:
          </span>
          {spoken.options.map((option) => (
            <button key={option.label} type="button" className="button button--secondary button--small" onClick={() => speak(option.text, lang)}>
              <span className="visually-hidden">Read </span>
              {option.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
