import * as Print from 'expo-print';
import * as Sharing from 'expo-sharing';

/**
 * A document made on the phone, as a PDF offered to the share sheet: expo-print renders the
 * HTML with the platform's own engine (which shapes Urdu and Hindi) into a file. The web
 * export has its own (share-pdf.web.ts).
 */
export async function sharePdf(html: string): Promise<void> {
  const { uri } = await Print.printToFileAsync({ html });
  await Sharing.shareAsync(uri, { mimeType: 'application/pdf', UTI: 'com.adobe.pdf' });
}
