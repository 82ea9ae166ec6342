import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/use-error-text.ts';
import type { CodeOption } from '../../lib/display-names.ts';
import './code-chips-input.css';

interface CodeChipsInputProps {
  label: string;
  hint?: string;
  options: CodeOption[];
  value: string[];
  onChange: (next: string[]) => void;
  /** How a chosen code reads on its chip. */
  chipLabel: (code: string) => string;
  /** A typed code that is not in `options` but still valid (e.g. the subdivision "IT-21"). */
  customCode?: (query: string) => string | null;
  testId: string;
  errors?: string[] | undefined;
  disabled?: boolean;
  max: number;
  /** One choice at most: picking another replaces it (a filter), instead of "maximum reached". */
  single?: boolean;
}

const MAX_SUGGESTIONS = 8;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function useSuggestions(options: CodeOption[], value: string[], query: string, custom: string | null) {
  return useMemo(() => {
    const q = fold(query.trim());
    if (!q) return [];
    const chosen = new Set(value);
    const names = (option: CodeOption) => [option.name, ...(option.keywords ?? [])].map(fold);
    const matches = options.filter(
      (option) =>
        !chosen.has(option.code) && (names(option).some((name) => name.includes(q)) || option.code.toLowerCase() === q),
    );
    // Names that start with the query first: "ital" should offer Italy before Lithuania-italian.
    const starts = (option: CodeOption) => names(option).some((name) => name.startsWith(q));
    matches.sort((a, b) => Number(!starts(a)) - Number(!starts(b)));
    const list = matches.slice(0, MAX_SUGGESTIONS);
    if (custom && !chosen.has(custom) && !list.some((o) => o.code === custom)) list.unshift({ code: custom, name: '' });
    return list;
  }, [options, value, query, custom]);
}

/** A searchable multi-select (ARIA combobox + listbox) whose choices show as removable chips. */
export function CodeChipsInput(props: CodeChipsInputProps) {
  const { label, hint, options, value, onChange, chipLabel, customCode, testId, errors, disabled, max, single } = props;
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const custom = customCode ? customCode(query) : null;
  const suggestions = useSuggestions(options, value, query, custom);
  const open = suggestions.length > 0;
  const full = !single && value.length >= max;
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '', `${id}-count`]
    .filter(Boolean)
    .join(' ');

  const add = (code: string) => {
    if (full || value.includes(code)) return;
    onChange(single ? [code] : [...value, code]);
    setQuery('');
    setActive(0);
  };
  const remove = (code: string) => onChange(value.filter((c) => c !== code));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter') {
      // While searching, Enter picks a suggestion (or nothing) and never submits the surrounding form.
      if (query.trim()) event.preventDefault();
      const pick = suggestions[Math.min(active, suggestions.length - 1)];
      if (pick) add(pick.code);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    } else if (event.key === 'Backspace' && !query && value.length > 0) {
      remove(value[value.length - 1]!);
    }
  };

  return (
    <div className="field chips-field">
      {disabled ? <span className="chips-label">{label}</span> : <label htmlFor={id}>{label}</label>}
      {value.length > 0 && (
        <ul className="chips" aria-label={t('chips.selected', { label })}>
          {value.map((code) => (
            <li key={code} className="chip" data-testid={`${testId.replace(/-input$/, '')}-chip-${code}`}>
              <span>{chipLabel(code)}</span>
              {!disabled && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('chips.remove', { name: chipLabel(code) })}
                  onClick={() => remove(code)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <div className="chips-combo">
          <input
            id={id}
            className="input"
            type="text"
            role="combobox"
            autoComplete="off"
            data-testid={testId}
            value={query}
            disabled={full}
            placeholder={full ? t('chips.full', { max }) : t('chips.placeholder')}
            aria-expanded={open}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={open ? `${id}-opt-${Math.min(active, suggestions.length - 1)}` : undefined}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setActive(0)}
          />
          <ul id={`${id}-list`} role="listbox" className="chips-list" aria-label={label} hidden={!open}>
            {suggestions.map((option, index) => (
              <li
                key={option.code}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={index === active}
                className="chips-option"
                data-testid={`${testId.replace(/-input$/, '')}-option-${option.code}`}
                // mousedown, not click: the input keeps focus, so typing can continue.
                onMouseDown={(event) => {
                  event.preventDefault();
                  add(option.code);
                }}
              >
                {option.name ? (
                  <>
                    <span>{option.name}</span>{' '}
                    <span className="muted">
                      {option.detail ? `${option.detail} · ` : ''}
                      <span className="mono">{option.code}</span>
                    </span>
                  </>
                ) : (
                  t('chips.addCustom', { name: chipLabel(option.code) })
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!disabled && query.trim() && !open && (
        <p className="field-hint chips-no-match" role="status">
          {t('chips.noMatch', { query: query.trim() })}
        </p>
      )}
      {disabled && value.length === 0 && <p className="muted">{t('chips.none')}</p>}
      {hint && !disabled && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <span id={`${id}-count`} className="visually-hidden" aria-live="polite">
        {t('chips.count', { count: value.length })}
      </span>
      {errors?.length ? (
        <ul id={`${id}-error`} className="field-error" aria-live="polite">
          {errors.map((code) => (
            <li key={code}>{errorText(code)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
