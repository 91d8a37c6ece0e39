// The submit cycle every folio dialog shares: client checks first, then the command; errors about a field go
// beside it, others above the buttons; the folio the command answers with refreshes the panel.
import { useState, type FormEvent } from "react";
import type { ApiError, FolioView } from "../../ipc/client";
import { errorOf } from "../../shared/errors";
import { useFolioAnswer } from "./queries";

export function useFolioForm(onDone: (view: FolioView) => void) {
  const answer = useFolioAnswer();
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  /** Returns the submit handler: `check` gives client errors by field; `send` runs the command. */
  const submit = (check: () => Record<string, ApiError>, send: () => Promise<FolioView>) => async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const view = await send();
      await answer(view);
      onDone(view);
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = error.params?.field;
      if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return { errors, failure, busy, submit };
}
