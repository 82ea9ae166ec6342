import type { Locale } from '@contracts/http';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadReceipt } from '../../api/billing-api.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { saveBlob } from '../../lib/files.ts';
import { useLang } from '../partner/catalogue/use-lang.ts';
import { bookingReference } from '../packages/traveller-format.ts';

/** Downloads the booking's receipt (a PDF in the portal's language) with the signed-in token. */
export function ReceiptButton({ bookingId, primary = false }: { bookingId: string; primary?: boolean }) {
  const { t } = useTranslation('billing');
  const lang: Locale = useLang();
  const download = useMutation({
    mutationFn: () => downloadReceipt(bookingId, lang),
    onSuccess: (blob) => saveBlob(blob, `${t('receipt.fileName')}-${bookingReference(bookingId)}.pdf`),
  });
  return (
    <div className="receipt-action">
      <button
        type="button"
        className={`btn ${primary ? 'btn-primary' : 'btn-secondary'} btn-sm`}
        data-testid="receipt-download"
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        <span aria-hidden="true">⤓</span> {download.isPending ? t('receipt.downloading') : t('receipt.download')}
      </button>
      <ProblemAlert error={download.error} />
    </div>
  );
}
