import { useId } from 'react';
import type { ReactNode } from 'react';
import { cx } from '../../components/cx';

export type RotationStep = 1 | 2 | 3;

export interface RotationStepsProps {
  current: RotationStep;
  done: Partial<Record<RotationStep, boolean>>;
  steps: Record<RotationStep, { title: string; content: ReactNode }>;
}

const ORDER: RotationStep[] = [1, 2, 3];

/** The three steps as an ordered list; the current one is marked for assistive tech too. */
export function RotationSteps({ current, done, steps }: RotationStepsProps) {
  return (
    <ol className="rotation-steps" aria-label="Rotation steps">
      {ORDER.map((n) => (
        <Step key={n} n={n} title={steps[n].title} current={n === current} done={!!done[n]}>
          {steps[n].content}
        </Step>
      ))}
    </ol>
  );
}

function Step({
  n,
  title,
  current,
  done,
  children,
}: {
  n: RotationStep;
  title: string;
  current: boolean;
  done: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  const status = done ? 'done' : current ? 'current step' : null;
  return (
    <li
      className={cx('rotation-step card', current && 'rotation-step--current', done && 'rotation-step--done')}
      aria-current={current ? 'step' : undefined}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="card__header rotation-step__title">
        <span>
          <span className="rotation-step__number" aria-hidden="true">
            {done ? '✓' : n}
          </span>{' '}
          Step {n}: {title}
        </span>
        {status && <span className="rotation-step__status">{status}</span>}
      </h2>
      <div className="card__body">{children}</div>
    </li>
  );
}
