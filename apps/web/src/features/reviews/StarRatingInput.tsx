import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';
import { StarIcon } from './StarIcon.tsx';

type StarRatingInputProps = {
  value: number | null;
  onChange: (value: number) => void;
  error?: string | undefined;
};

/**
 * Five native radio buttons in a fieldset ("Your rating": "1 star" … "5 stars"): arrow keys move
 * between them and screen readers announce the choice. The stars are their visible labels.
 */
export function StarRatingInput({ value, onChange, error }: StarRatingInputProps) {
  const { t } = useTranslation();
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{t('reviews.form.rating')}</legend>
      <div className="mt-1 flex gap-1">
        {[1, 2, 3, 4, 5].map((star) => (
          <label
            key={star}
            className={cn(
              'relative cursor-pointer rounded-md p-1',
              'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600',
            )}
          >
            <input
              type="radio"
              name={name}
              value={star}
              checked={value === star}
              onChange={() => onChange(star)}
              // Transparent over the star: a click or tap anywhere on it lands on the radio itself.
              className="absolute inset-0 size-full cursor-pointer opacity-0"
            />
            <span className="sr-only">{t('reviews.form.starOption', { count: star })}</span>
            <StarIcon isFilled={value !== null && star <= value} className="size-8" />
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
