/**
 * In a browser, the document printed in a frame of its own, so the print dialog (and its "Save
 * as PDF") shows it rather than the app's screen — expo-print's web `printAsync` ignores the
 * HTML and prints the window. The frame goes once printing is done.
 */
export async function sharePdf(html: string): Promise<void> {
  document.querySelector('iframe[data-print-frame]')?.remove();
  const frame = document.createElement('iframe');
  frame.setAttribute('data-print-frame', '');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;bottom:0;left:0;width:0;height:0;border:0;visibility:hidden';
  const loaded = new Promise<void>((resolve) => {
    frame.onload = () => resolve();
  });
  frame.srcdoc = html;
  document.body.appendChild(frame);
  await loaded;
  const view = frame.contentWindow;
  if (!view) throw new Error('the print frame did not open');
  view.addEventListener('afterprint', () => frame.remove());
  view.focus();
  view.print();
}
