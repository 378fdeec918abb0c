import type { Option } from './options';

interface Props {
  id: string;
  label: string;
  /** Label of the empty choice that means "no filter". */
  allLabel: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}

/** A labelled select with an "all" choice first, as the register's filters use it. */
export function LabeledSelect({ id, label, allLabel, value, options, onChange }: Props) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="filter-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
