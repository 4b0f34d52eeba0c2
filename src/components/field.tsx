import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ChangeEvent, ComponentPropsWithRef, ReactNode, Ref } from 'react';
import { cx } from './cx';

type ControlProps = {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
};

export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Extra content under the control, after hint and error (e.g. a character counter). */
  aside?: ReactNode;
  /** id of an element inside `aside` that also describes the control. */
  asideId?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** Label, hint and error wired to the control with for/aria-describedby/aria-invalid. */
export function Field({ label, hint, error, required, aside, asideId, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId, asideId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('field', error && 'field--invalid', className)}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {(hint || error || aside) && (
        <div className="field__meta">
          <div className="field__messages">
            {error && (
              <p id={errorId} className="field__error">
                {error}
              </p>
            )}
            {hint && (
              <p id={hintId} className="field__hint">
                {hint}
              </p>
            )}
          </div>
          {aside}
        </div>
      )}
    </div>
  );
}

type CommonProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /**
   * Shows "n / limit" under the control. Deliberately not maxLength: pasted text is not
   * silently cut, the counter turns red and the form's schema reports the error.
   */
  characterLimit?: number;
  /** Shows the counter against `maxLength` (which the browser enforces by truncating). */
  showCount?: boolean;
  fieldClassName?: string;
};

export type TextInputProps = Omit<ComponentPropsWithRef<'input'>, 'children'> & CommonProps;
export type TextAreaProps = Omit<ComponentPropsWithRef<'textarea'>, 'children'> & CommonProps;

/**
 * Tracks the control's length for the counter. Works with react-hook-form's register(),
 * which writes values straight into the DOM (defaultValues, reset) without change events,
 * so the length is re-read from the element after every render as well.
 */
function useCharacterCount<E extends HTMLInputElement | HTMLTextAreaElement>(
  outerRef: Ref<E> | undefined,
  onChange: ((event: ChangeEvent<E>) => void) | undefined,
) {
  const elementRef = useRef<E | null>(null);
  const [count, setCount] = useState(0);
  // Deliberately after every render: a reset() changes the DOM value without an event.
  // The guard makes it settle after at most one extra render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const length = elementRef.current?.value.length ?? 0;
    if (length !== count) setCount(length);
  });
  const ref = (element: E | null) => {
    elementRef.current = element;
    if (typeof outerRef === 'function') outerRef(element);
    else if (outerRef) outerRef.current = element;
  };
  const handleChange = (event: ChangeEvent<E>) => {
    setCount(event.target.value.length);
    onChange?.(event);
  };
  return { count, ref, handleChange };
}

function Counter({ id, count, max }: { id: string; count: number; max: number }) {
  return (
    <span id={id} className={cx('field__counter', count > max && 'field__counter--over')}>
      {count} / {max}
      <span className="visually-hidden"> characters</span>
    </span>
  );
}

type TextControlProps<E extends HTMLInputElement | HTMLTextAreaElement> = CommonProps & {
  required?: boolean;
  maxLength?: number;
  ref?: Ref<E>;
  onChange?: (event: ChangeEvent<E>) => void;
};

/**
 * The part TextInput and TextArea share: takes their props, renders the Field (with the
 * character counter when asked for) and hands the control everything meant for it.
 */
function CountedField<E extends HTMLInputElement | HTMLTextAreaElement, P extends TextControlProps<E>>({
  props,
  children,
}: {
  props: P;
  children: (
    control: ControlProps &
      Omit<P, keyof CommonProps | 'required' | 'ref' | 'onChange'> & {
        ref: (element: E | null) => void;
        onChange: (event: ChangeEvent<E>) => void;
      },
  ) => ReactNode;
}) {
  const { label, hint, error, characterLimit: limitProp, showCount, fieldClassName, required, ref, onChange, ...rest } =
    props;
  const counterId = useId();
  const counter = useCharacterCount<E>(ref, onChange);
  const characterLimit = limitProp ?? (showCount ? props.maxLength : undefined);
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      required={required}
      className={fieldClassName}
      aside={characterLimit !== undefined && <Counter id={counterId} count={counter.count} max={characterLimit} />}
      asideId={characterLimit !== undefined ? counterId : undefined}
    >
      {(control) => children({ ...control, ...rest, ref: counter.ref, onChange: counter.handleChange })}
    </Field>
  );
}

export function TextInput({ className, ...props }: TextInputProps) {
  return (
    <CountedField<HTMLInputElement, typeof props> props={props}>
      {(control) => <input className={cx('input', className)} {...control} />}
    </CountedField>
  );
}

export function TextArea({ className, rows = 3, ...props }: TextAreaProps) {
  return (
    <CountedField<HTMLTextAreaElement, typeof props> props={props}>
      {(control) => <textarea className={cx('input', 'input--textarea', className)} rows={rows} {...control} />}
    </CountedField>
  );
}
