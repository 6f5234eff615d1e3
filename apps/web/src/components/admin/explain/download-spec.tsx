"use client";
import { useState } from "react";
import { messageOf } from "~/components/trpc-error";

/** A button that asks the server for a spec file and hands it to the browser as a download. */
export function DownloadSpec({ label, load, testId }: { label: string; load: () => Promise<{ fileName: string; source: string }>; testId: string }) {
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: string }>({ busy: false });
  const download = async () => {
    setState({ busy: true });
    try {
      const spec = await load();
      const url = URL.createObjectURL(new Blob([spec.source], { type: "text/typescript" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = spec.fileName;
      link.click();
      URL.revokeObjectURL(url);
      setState({ busy: false, done: spec.fileName });
    } catch (error) {
      setState({ busy: false, error: messageOf(error) });
    }
  };
  return (
    <span className="row" data-testid={testId}>
      <button type="button" className="secondary" onClick={download} disabled={state.busy}>{label}</button>
      {state.done && <span className="small muted" role="status">Downloaded <span className="mono">{state.done}</span></span>}
      {state.error && <span className="field-error" role="alert">{state.error}</span>}
    </span>
  );
}
