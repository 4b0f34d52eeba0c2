import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart';

const bars = [0, 1, 500, 1000].map((value, i) => ({ key: `d${i}`, value, tooltip: `day ${i}: ${value}` }));

describe('BarChart', () => {
  it('is one named image whose bars scale to the largest value', () => {
    const { container } = render(<BarChart bars={bars} label="Uses per day" startLabel="Nov 2" endLabel="Dec 1" maxLabel={(max) => `Most: ${max}`} />);
    expect(screen.getByRole('img', { name: 'Uses per day' })).toBeTruthy();
    const heights = [...container.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('height')));
    // Zero stays empty; a small value stays visible next to a large one.
    expect(heights).toEqual([0, 2, 50, 100]);
    expect([...container.querySelectorAll('rect title')].map((t) => t.textContent)).toEqual(bars.map((b) => b.tooltip));
    expect(container.textContent).toContain('Most: 1000');
    expect(container.textContent).toContain('Nov 2');
  });

  it('draws no bars when every value is zero', () => {
    const { container } = render(<BarChart bars={bars.map((b) => ({ ...b, value: 0 }))} label="Nothing" />);
    expect([...container.querySelectorAll('rect')].every((rect) => rect.getAttribute('height') === '0')).toBe(true);
  });
});
