import { makeValidator } from '@backstage/catalog-model';
import { toEntityName, toTag } from './entityNames';

const validator = makeValidator();

describe('toEntityName', () => {
  it('turns card and server names into entity names', () => {
    expect(toEntityName('Invoice Reconciler')).toBe('invoice-reconciler');
    expect(toEntityName('io.github.acme/sales-warehouse')).toBe(
      'io.github.acme-sales-warehouse',
    );
    expect(toEntityName('  Café Agent (beta) ')).toBe('cafe-agent-beta');
    expect(toEntityName('--Recipe__Agent--')).toBe('recipe-agent');
  });

  it('gives nothing for text without letters or digits', () => {
    expect(toEntityName('')).toBeUndefined();
    expect(toEntityName('🤖 / ✨')).toBeUndefined();
  });

  it('cuts long names to 63 characters and keeps them apart by a hash', () => {
    const a = toEntityName(`${'very long agent name '.repeat(5)}one`)!;
    const b = toEntityName(`${'very long agent name '.repeat(5)}two`)!;
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(validator.isValidEntityName(a)).toBe(true);
    expect(validator.isValidEntityName(b)).toBe(true);
  });
});

describe('toTag', () => {
  it('turns skill keywords into catalog tags', () => {
    expect(toTag('Purchase Orders')).toBe('purchase-orders');
    expect(toTag('c++')).toBe('c++');
    expect(toTag('  invoices ')).toBe('invoices');
  });

  it('drops keywords that make no valid tag', () => {
    expect(toTag('---')).toBeUndefined();
    expect(toTag('x'.repeat(64))).toBeUndefined();
  });
});
