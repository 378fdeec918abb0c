import { describe, expect, it } from 'vitest';
import { isEmail, normalizeUaPhone } from '../../../shared/domain/appeal/validate';

describe('normalizeUaPhone', () => {
  it.each([
    '+380 67 123 45 67',
    '+38 (067) 123-45-67',
    '067-123-45-67',
    '(067)1234567',
    '0671234567',
    '380671234567',
    '8 067 123 45 67',
    '+380671234567',
    '067.123.45.67',
    ' 067 123 45 67 ',
    '+38\u00a0067\u00a0123\u00a045\u00a067',
    '38 067 123 45 67',
  ])('%s → +380671234567', (input) => {
    expect(normalizeUaPhone(input)).toBe('+380671234567');
  });

  it.each([
    ['044 234 56 78', '+380442345678'], // Kyiv landline
    ['(0432) 55-12-34', '+380432551234'], // Vinnytsia landline
    ['0 800 50 00 00', '+380800500000'], // toll-free
  ])('%s → %s', (input, expected) => {
    expect(normalizeUaPhone(input)).toBe(expected);
  });

  it.each([
    '',
    '067123456', // 9 digits
    '06712345678', // 11 digits
    '+3806712345678',
    '+38067123456',
    '067 ABC 45 67',
    '067-123-45-6x',
    '+7 912 123 45 67',
    '+48 601 234 567',
    '0071234567', // no code starts with 0
    '0171234567',
    '+0671234567',
    '8 8067 123 45 67',
    '++380671234567',
    '380 067 123 45 67 1',
    '067/123/45/67',
    '0'.repeat(1000),
  ])('%j → null', (input) => {
    expect(normalizeUaPhone(input)).toBeNull();
  });
});

describe('isEmail', () => {
  it.each(['olena@example.com', 'o.bondarenko+rada@ukr.net', 'староста@село.укр', 'a@b.co'])('%s is an e-mail', (s) => {
    expect(isEmail(s)).toBe(true);
  });
  it.each([
    '',
    'olena',
    'olena@',
    '@example.com',
    'olena@example',
    'o lena@example.com',
    'a@@b.com',
    'a@b..com',
    'a..b@c.com',
    `${'a'.repeat(250)}@b.com`,
  ])('%j is not', (s) => {
    expect(isEmail(s)).toBe(false);
  });
});
