import { describe, expect, it } from 'vitest';
import { tokenFromInput } from './token-sign-in-form';

describe('tokenFromInput', () => {
  it.each([
    ['demo-ada-admin', 'demo-ada-admin'],
    ['  demo-ada-admin\n', 'demo-ada-admin'],
    ['Bearer demo-ada-admin', 'demo-ada-admin'],
    ['bearer   demo-ada-admin ', 'demo-ada-admin'],
    ['Authorization: Bearer demo-ada-admin', 'demo-ada-admin'],
  ])('reads %j as the token %j', (input, token) => {
    expect(tokenFromInput(input)).toBe(token);
  });

  it('keeps a token that merely starts with the letters of the scheme', () => {
    expect(tokenFromInput('bearerish-token')).toBe('bearerish-token');
  });
});
