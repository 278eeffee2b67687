import { useState } from 'react';
import { Button } from '../ui/button';
import { Muted } from '../ui/layout';
import { sharePdf } from './share-pdf';

/**
 * A button that makes a document and shares it as a PDF (share-pdf.ts), busy while it works,
 * with the failure's words under it when sharing fails.
 */
export function SharePdfButton(props: {
  label: string;
  /** The HTML to print, made when pressed (from the phone's own book, no network). */
  makeHtml: () => Promise<string>;
  /** The words for a failure, given its reason. */
  failed: (reason: string) => string;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const share = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await sharePdf(await props.makeHtml());
    } catch (error) {
      setFailure(props.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label={props.label} variant="secondary" busy={busy} onPress={share} />
      {failure ? <Muted>{failure}</Muted> : null}
    </>
  );
}
