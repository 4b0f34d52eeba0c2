import { describe, expect, it } from 'vitest';
import { changedFields, NameDescriptionSchema, nameDescriptionSchema, toCreateBody } from './name-description-schema';

describe('NameDescriptionSchema', () => {
  it('trims the name and requires it', () => {
    expect(NameDescriptionSchema.parse({ name: '  ci  ', description: '' })).toEqual({ name: 'ci', description: '' });
    expect(NameDescriptionSchema.safeParse({ name: '   ', description: '' }).success).toBe(false);
  });

  it('limits the description to 1024 characters, or to the room left beside a kept part', () => {
    expect(NameDescriptionSchema.safeParse({ name: 'a', description: 'x'.repeat(1025) }).success).toBe(false);
    const withRoom = nameDescriptionSchema({ max: 10, reason: 'the rotation link takes the rest' });
    const result = withRoom.safeParse({ name: 'a', description: 'x'.repeat(11) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Description must be at most 10 characters (the rotation link takes the rest)');
    expect(withRoom.safeParse({ name: 'a', description: 'x'.repeat(10) }).success).toBe(true);
  });
});

describe('request bodies', () => {
  it('omits an empty description on create', () => {
    expect(toCreateBody({ name: 'ci', description: '' })).toEqual({ name: 'ci' });
    expect(toCreateBody({ name: 'ci', description: 'd' })).toEqual({ name: 'ci', description: 'd' });
  });

  it('sends only changed fields on update, and "" to clear the description', () => {
    const current = { name: 'ci', description: 'old' };
    expect(changedFields({ name: 'ci', description: 'old' }, current)).toBeNull();
    expect(changedFields({ name: 'ci2', description: 'old' }, current)).toEqual({ name: 'ci2' });
    expect(changedFields({ name: 'ci', description: '' }, current)).toEqual({ description: '' });
    expect(changedFields({ name: 'ci', description: '' }, { name: 'ci', description: null })).toBeNull();
  });
});
