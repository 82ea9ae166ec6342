import type { Locale, PackageView, Party } from '@contracts/http';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { QuoteBody } from '../../api/bundling-api.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { VerifiedBadge } from '../../components/ui/verified-badge.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AvailabilityCalendar } from './availability-calendar.tsx';
import { BookPanel } from './book-panel.tsx';
import { PackageGallery } from './package-gallery.tsx';
import { isMissing, usePackage, usePackageQuote, usePackageSlots } from './packages-queries.ts';
import { PartyPicker } from './party-picker.tsx';
import { PriceBreakdown } from './price-breakdown.tsx';
import { linesNeedingChoice, settleChoice } from './slot-choice.ts';
import { SlotPickers } from './slot-pickers.tsx';
import { PolicyNote } from './policy-note.tsx';
import { SuggestedForYourTrip } from '../suggestions/suggested-panel.tsx';
import { backToSearch } from '../suggestions/suggested-request.ts';
import { addDays, todayAtDestination } from './traveller-format.ts';
import './package-page.css';

function NotFound() {
  const { t } = useTranslation('booking');
  return (
    <section className="empty-state" data-testid="package-not-found" aria-labelledby="package-missing-title">
      <h1 id="package-missing-title">{t('page.notFoundTitle')}</h1>
      <p className="muted">{t('page.notFoundBody')}</p>
      <Link to="/packages" className="btn btn-primary">
        {t('page.browse')}
      </Link>
    </section>
  );
}

/** What the package bundles: each item with its partner (and Verified badge), its day and quantity. */
function Included({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation('booking');
  return (
    <section className="card" aria-labelledby="included-title">
      <h2 id="included-title">{t('page.included')}</h2>
      <ul className="plain-list included-list">
        {pkg.lines.map((line) => (
          <li key={line.position} className="included-line" data-testid="included-line">
            <span className="badge badge-neutral included-kind">{t(`kinds.${line.itemKind}`)}</span>
            <div className="included-body">
              <span className="included-title">
                {line.qty > 1 ? t('page.quantity', { count: line.qty, title: line.title }) : line.title}
              </span>
              <span className="included-partner muted">
                {line.partnerName}
                {line.partnerVerified && <VerifiedBadge size="sm" />}
              </span>
              <span className="field-hint">
                {line.days > 1
                  ? t('page.dayNights', { day: line.dayOffset + 1, count: line.days })
                  : t('page.day', { day: line.dayOffset + 1 })}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

const DEFAULT_PARTY: Party = { adult: 2, child: 0, infant: 0, senior: 0 };

interface PlannerProps {
  pkg: PackageView;
  party: Party;
  onParty: (party: Party) => void;
  date: string | null;
  onDate: (date: string | null) => void;
}

/** Choose a date, party and times; see the price; book. (Party and date also drive the suggestions.) */
function Planner({ pkg, party, onParty: setParty, date, onDate: setDate }: PlannerProps) {
  const { t, i18n } = useTranslation('booking');
  const today = useMemo(() => todayAtDestination(), []);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const slots = usePackageSlots(pkg.id, date, party);

  // New slot data (another date or party): keep what still fits, pick the only one that does.
  useEffect(() => {
    if (slots.data) setChosen((current) => settleChoice(slots.data, current));
  }, [slots.data]);

  const missing = linesNeedingChoice(slots.data).filter((line) => !chosen[String(line.position)]);
  const ready = date !== null && slots.isSuccess && slots.data.date === date && missing.length === 0;
  const request: QuoteBody | null = ready ? { date, party, slots: chosen, lang: i18n.language as Locale } : null;
  const quote = usePackageQuote(pkg.id, request);
  const quoteIsCurrent = !quote.isPlaceholderData && quote.isSuccess;
  const unavailable = pkg.status !== 'published';

  return (
    <aside className="card package-planner" aria-labelledby="planner-title" data-testid="package-planner">
      <h2 id="planner-title">{t('planner.title')}</h2>
      {unavailable && (
        <p className="alert alert-warning" role="note" style={{ margin: 0 }}>
          {t('planner.notOnSale')}
        </p>
      )}
      <PartyPicker party={party} onChange={setParty} />
      <AvailabilityCalendar packageId={pkg.id} party={party} today={today} selected={date} onSelect={setDate} />
      {date && slots.isPending && <Loading />}
      {slots.isError && <ProblemAlert error={slots.error} />}
      {date && slots.data && (
        <SlotPickers
          pkg={pkg}
          slots={slots.data}
          chosen={chosen}
          onChoose={(position, id) => setChosen((current) => ({ ...current, [String(position)]: id }))}
        />
      )}
      <section className="planner-price" aria-labelledby="price-title" aria-live="polite">
        <h3 id="price-title">{t('planner.price')}</h3>
        {!date && <p className="muted">{t('planner.pickDate')}</p>}
        {date && missing.length > 0 && slots.isSuccess && <p className="muted">{t('planner.pickTimes')}</p>}
        {request && quote.isPending && <Loading label={t('planner.pricing')} />}
        {request && quote.isError && !quote.isFetching && <ProblemAlert error={quote.error} />}
        {request && quote.data && (
          <div className={quoteIsCurrent ? undefined : 'planner-stale'}>
            <PriceBreakdown breakdown={quote.data.breakdown} />
          </div>
        )}
      </section>
      <div className="planner-policy">
        <h3>{t('planner.policy')}</h3>
        <PolicyNote policy={pkg.policy} />
        {request && quoteIsCurrent && (
          <p className="field-hint" style={{ margin: 0 }} data-testid="refund-now">
            {t('planner.refundIfBookedNow', { percent: quote.data.refundPercentNow })}
          </p>
        )}
      </div>
      {!unavailable && <BookPanel packageId={pkg.id} request={request} priced={quoteIsCurrent} />}
    </aside>
  );
}

/** "Back to results" to the search the traveller came from, else "All packages". */
function BackLink() {
  const { t } = useTranslation('booking');
  const location = useLocation();
  const search = backToSearch(location.state);
  return search ? (
    <Link to={search} className="back-link" data-testid="back-to-results">
      ← {t('search:backToResults')}
    </Link>
  ) : (
    <Link to="/packages" className="back-link">
      ← {t('page.back')}
    </Link>
  );
}

/** /packages/:id — keyed by the id, so a suggested package opens with a fresh planner. */
export function PackagePage() {
  const { id = '' } = useParams();
  // The layout scrolls up only between sections: a suggested package opens at its top too.
  const shownId = useRef(id);
  useEffect(() => {
    if (shownId.current === id) return;
    shownId.current = id;
    window.scrollTo({ top: 0 });
  }, [id]);
  return <PackageDetails key={id} id={id} />;
}

/** The package page: gallery, what is included and by whom, the planner, suggestions for the trip. */
function PackageDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation('booking');
  const fromSearch = backToSearch(useLocation().state);
  const [party, setParty] = useState<Party>(DEFAULT_PARTY);
  const [date, setDate] = useState<string | null>(null);
  const query = usePackage(id, i18n.language as Locale);
  const pkg = query.data;
  useDocumentTitle(pkg?.title ?? t('page.title'));
  const otherLanguage =
    pkg && pkg.language !== i18n.language
      ? (new Intl.DisplayNames([i18n.language], { type: 'language' }).of(pkg.language) ?? pkg.language)
      : null;

  return (
    <div className="stack package-page" data-testid="package-page">
      <BackLink />
      {query.isPending && <Loading />}
      {query.isError && !pkg && (isMissing(query.error) ? <NotFound /> : <ProblemAlert error={query.error} />)}
      {pkg && (
        <div className="package-layout">
          <div className="package-main stack">
            <PackageGallery pkg={pkg} />
            <header className="package-header">
              <h1 className="page-title" data-testid="package-title">
                {pkg.title}
              </h1>
              <p className="muted package-facts">
                {[pkg.destination?.place, t('card.days', { count: Math.max(1, pkg.durationDays) })]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="package-seller">
                <span>{t('card.by', { name: pkg.partnerName })}</span>
                {pkg.partnerVerified && <VerifiedBadge />}
                <Link to={`/partners/${pkg.partnerId}`} className="package-seller-link">
                  {t('page.sellerProfile')}
                </Link>
              </p>
            </header>
            {otherLanguage && (
              <p className="field-hint" data-testid="package-language-note">
                {t('page.otherLanguage', { language: otherLanguage })}
              </p>
            )}
            {pkg.description && <p className="package-description">{pkg.description}</p>}
            <Included pkg={pkg} />
          </div>
          <div className="package-side">
            <Planner pkg={pkg} party={party} onParty={setParty} date={date} onDate={setDate} />
          </div>
        </div>
      )}
      {pkg && (
        <SuggestedForYourTrip
          trip={{
            dest: pkg.destination?.regionCode,
            from: date ?? undefined,
            to: date ? addDays(date, Math.max(1, pkg.durationDays) - 1) : undefined,
            party,
            packageId: pkg.id,
          }}
          // A suggested package still leads back to the search this one was opened from.
          linkState={fromSearch ? { from: fromSearch } : undefined}
        />
      )}
    </div>
  );
}
