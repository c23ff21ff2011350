// Read-aloud through the browser's speech synthesis (Web Speech API). Some browsers (and locked-down
// test-center builds) have none: `supported` is false and the screen says so instead of failing.
import { useCallback, useEffect, useState } from "react";

function synth(): SpeechSynthesis | null {
  return typeof window !== "undefined" && "speechSynthesis" in window && typeof SpeechSynthesisUtterance !== "undefined" ? window.speechSynthesis : null;
}

export function useSpeech() {
  const [supported] = useState(() => synth() !== null);
  const [speaking, setSpeaking] = useState(false);

  const stop = useCallback(() => {
    synth()?.cancel();
    setSpeaking(false);
  }, []);

  const speak = useCallback((text: string, lang = "en") => {
    const s = synth();
    if (!s || !text) return;
    s.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.95;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    s.speak(utterance);
  }, []);

  // Never keep talking after the screen changes.
  useEffect(() => () => synth()?.cancel(), []);

  return { supported, speaking, speak, stop };
}
