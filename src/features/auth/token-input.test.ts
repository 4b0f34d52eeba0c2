import { describe, expect, it } from 'vitest';
import { tokenFromInput } from './token-sign-in-form';
import { DEMO_PERSON } from '../../test/demo-people';

describe('tokenFromInput', () => {
  it.each([
    [DEMO_PERSON.ada.token, DEMO_PERSON.ada.token],
    [`  ${DEMO_PERSON.ada.token}\n`, DEMO_PERSON.ada.token],
    [`Bearer ${DEMO_PERSON.ada.token}`, DEMO_PERSON.ada.token],
    [`bearer   ${DEMO_PERSON.ada.token} `, DEMO_PERSON.ada.token],
    [`Authorization: Bearer ${DEMO_PERSON.ada.token}`, DEMO_PERSON.ada.token],
  ])('reads %j as the token %j', (input, token) => {
    expect(tokenFromInput(input)).toBe(token);
  });

  it('keeps a token that merely starts with the letters of the scheme', () => {
    expect(tokenFromInput('bearerish-token')).toBe('bearerish-token');
  });
});
