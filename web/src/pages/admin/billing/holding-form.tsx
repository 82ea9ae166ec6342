import { holdingSchema, MAX_HOLDING_DAYS, MIN_HOLDING_DAYS, type PartnerHolding } from '@contracts/http';
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../../api/http-client.ts';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const holdingUrl = (partnerId: string) => `/api/admin/billing/partners/${encodeURIComponent(partnerId)}/holding`;
const holdingKey = (partnerId: string) => ['admin', 'money', 'holding', partnerId] as const;

function parseDays(value: string): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  const days = Number(value.trim());
  return days >= MIN_HOLDING_DAYS && days <= MAX_HOLDING_DAYS ? days : null;
}

/**
 * A partner's holding period: the admin looks a partner up by ID, sees its current value and
 * sets a new one (0–365 days after the first service date). Only transfers scheduled after the
 * change use it; transfers already scheduled keep their date.
 */
export function HoldingForm() {
  const { t } = useTranslation('billing-admin');
  const queryClient = useQueryClient();
  const [partnerId, setPartnerId] = useState('');
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ partnerId?: string[] }>({});

  const query = useQuery({
    queryKey: holdingKey(loadedId ?? ''),
    enabled: loadedId !== null,
    queryFn: ({ signal }) => apiRequest(holdingUrl(loadedId!), { schema: holdingSchema, signal }),
  });
  const save = useMutation({
    mutationFn: (body: { partnerId: string; holdingDays: number }) =>
      apiRequest(holdingUrl(body.partnerId), {
        method: 'PUT',
        body: { holdingDays: body.holdingDays },
        schema: holdingSchema,
      }),
    onSuccess: (holding: PartnerHolding) => queryClient.setQueryData(holdingKey(holding.partnerId), holding),
  });

  const load = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const id = partnerId.trim().toLowerCase();
    if (!UUID.test(id)) {
      setErrors({ partnerId: ['invalid_partner_id'] });
      return;
    }
    setErrors({});
    setLoadedId(id);
  };
  return (
    <section className="card" aria-labelledby="holding-title" data-testid="money-holding">
      <h2 id="holding-title">{t('holding.title')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('holding.description')}
      </p>
      <form className="fee-form" noValidate onSubmit={load} data-testid="money-holding-lookup">
        <TextField
          label={t('holding.partnerId')}
          hint={t('holding.partnerIdHint')}
          name="holdingPartnerId"
          value={partnerId}
          errors={errors.partnerId}
          autoComplete="off"
          spellCheck={false}
          testId="money-holding-partner"
          onChange={(event) => setPartnerId(event.target.value)}
        />
        <div>
          <button type="submit" className="btn" data-testid="money-holding-load">
            {t('holding.load')}
          </button>
        </div>
      </form>
      {loadedId !== null && query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {loadedId !== null && query.data && <HoldingEditor key={loadedId} holding={query.data} save={save} />}
    </section>
  );
}

type SaveHolding = UseMutationResult<PartnerHolding, Error, { partnerId: string; holdingDays: number }>;

/** The loaded partner's value and the days field (keyed by partner: a new lookup starts afresh). */
function HoldingEditor({ holding, save }: { holding: PartnerHolding; save: SaveHolding }) {
  const { t } = useTranslation('billing-admin');
  const [days, setDays] = useState(String(holding.holdingDays));
  const [errors, setErrors] = useState<string[] | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const holdingDays = parseDays(days);
    if (holdingDays === null) {
      setErrors(['holding_days_out_of_range']);
      return;
    }
    setErrors(undefined);
    save.mutate({ partnerId: holding.partnerId, holdingDays });
  };

  return (
    <form className="fee-form" noValidate onSubmit={submit} data-testid="money-holding-form">
      <p data-testid="money-holding-current">
        {t('holding.current', { days: holding.holdingDays })}{' '}
        <span className="muted">{t('holding.default', { days: holding.defaultDays })}</span>
      </p>
      <TextField
        label={t('holding.days')}
        hint={t('holding.daysHint')}
        name="holdingDays"
        inputMode="numeric"
        value={days}
        errors={errors}
        testId="money-holding-days"
        onChange={(event) => {
          save.reset();
          setDays(event.target.value);
        }}
      />
      <ProblemAlert error={save.error} />
      {save.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('holding.saved')}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="money-holding-save">
          {save.isPending ? t('fees.saving') : t('holding.save')}
        </button>
      </div>
    </form>
  );
}
