import { useId, type FormEvent } from 'react';
import './search-bar.css';

interface SearchBarProps {
  /** Read to screen readers for the search landmark and the input. */
  label: string;
  placeholder: string;
  submitLabel: string;
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  testId: string;
  maxLength?: number;
  className?: string;
}

/** A search landmark: one input and its button, side by side (stacked on narrow screens). */
export function SearchBar({
  label,
  placeholder,
  submitLabel,
  value,
  onChange,
  onSubmit,
  testId,
  maxLength,
  className,
}: SearchBarProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      role="search"
      className={className ? `search-bar ${className}` : 'search-bar'}
      onSubmit={submit}
      aria-label={label}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        maxLength={maxLength}
        data-testid={testId}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </form>
  );
}
