import type { CheckoutResponse } from '@contracts/http';
import type { Stripe, StripeElements, StripeElementLocale } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { formatMinor } from '../packages/traveller-format.ts';
import { StripeUnavailable } from './payment-panel.tsx';

interface StripeCardFormProps {
  checkout: CheckoutResponse;
  holdEnded: boolean;
  onPaid: () => void;
}

/**
 * Real Stripe: the card is typed into Stripe's own Payment Element (Stripe.js, fetched only on
 * this screen and only in stripe mode) and confirmed in the browser with the PaymentIntent's
 * client secret; the server learns the outcome from Stripe's webhook. Stripe words its own
 * errors in the traveller's language.
 */
export function StripeCardForm({ checkout, holdEnded, onPaid }: StripeCardFormProps) {
  const { t, i18n } = useTranslation('billing');
  const host = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [failed, setFailed] = useState(false);
  const [paying, setPaying] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { publishableKey, clientSecret } = checkout;
  const locale = i18n.language as StripeElementLocale;

  useEffect(() => {
    if (!publishableKey || !clientSecret) return;
    let cancelled = false;
    let unmount: (() => void) | undefined;
    import('@stripe/stripe-js')
      .then(({ loadStripe }) => loadStripe(publishableKey, { locale }))
      .then((loaded) => {
        if (cancelled || !host.current) return;
        if (!loaded) throw new Error('Stripe.js did not load');
        const elements = loaded.elements({
          clientSecret,
          appearance: { theme: 'night', variables: { colorPrimary: '#ff6600', colorBackground: '#2a2a2a' } },
        });
        const element = elements.create('payment');
        element.mount(host.current);
        unmount = () => element.destroy();
        setStripe({ stripe: loaded, elements });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [publishableKey, clientSecret, locale]);

  if (!publishableKey || !clientSecret || failed) return <StripeUnavailable />;

  const pay = async () => {
    if (!stripe) return;
    setPaying(true);
    setMessage(null);
    const result = await stripe.stripe.confirmPayment({
      elements: stripe.elements,
      redirect: 'if_required',
      confirmParams: { return_url: window.location.href },
    });
    setPaying(false);
    if (result.error) setMessage(result.error.message ?? t('errors:card_declined'));
    else if (result.paymentIntent.status === 'succeeded' || result.paymentIntent.status === 'processing') onPaid();
  };

  return (
    <form
      className="stack"
      data-testid="stripe-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!paying && !holdEnded) void pay();
      }}
    >
      {!stripe && <Loading label={t('checkout.stripeLoading')} />}
      <div ref={host} className="stripe-element" />
      {message && (
        <div className="alert alert-error" role="alert" data-testid="payment-declined">
          <p style={{ margin: 0 }}>{message}</p>
        </div>
      )}
      <button
        type="submit"
        className="btn btn-primary btn-block pay-button"
        data-testid="pay-button"
        disabled={!stripe || paying || holdEnded}
      >
        {paying
          ? t('checkout.paying')
          : t('checkout.pay', { amount: formatMinor(checkout.amountMinor, checkout.currency, i18n.language) })}
      </button>
      <p className="field-hint checkout-fineprint">{t('checkout.fineprint')}</p>
    </form>
  );
}
