import { describe, expect, it } from 'vitest';
import { layoutGenogram, type GenogramRelative } from '../../../src/domain/people/genogram.ts';

const focus = { id: 'c', name: 'Amelia Quinlan', gender: 'female', personType: 'child' as const, dateOfBirth: '2017-03-04' };
const rel = (id: string, relationship: GenogramRelative['relationship'], over: Partial<GenogramRelative> = {}): GenogramRelative => ({
  id, name: `Person ${id}`, gender: 'female', personType: 'adult', dateOfBirth: '1990-01-01', relationship, parentalResponsibility: false, livesWithFocus: false, ...over,
});

describe('laying out a genogram', () => {
  const family = [
    rel('m', 'parent', { parentalResponsibility: true, livesWithFocus: true }),
    rel('f', 'parent', { gender: 'male', parentalResponsibility: true }),
    rel('s', 'sibling', { personType: 'child', dateOfBirth: '2015-01-01', gender: 'male', livesWithFocus: true }),
    rel('h', 'half_sibling', { personType: 'child', dateOfBirth: '2020-01-01' }),
    rel('g', 'grandparent', { parentOf: 'm', dateOfBirth: '1960-05-05' }),
    rel('u', 'child', { personType: 'unborn', dateOfBirth: null, expectedDateOfDelivery: '2027-02-01', gender: 'not_known' }),
    rel('w', 'professional', { gender: 'not_known' }),
  ];
  const g = layoutGenogram(focus, family, '2026-11-23');
  const node = (id: string) => g.nodes.find((n) => n.id === id);

  it('puts each generation on its own row, oldest at the top, and others below the family', () => {
    expect(node('g')?.y).toBeLessThan(node('m')?.y ?? 0);
    expect(node('m')?.y).toBeLessThan(node('c')?.y ?? 0);
    expect(node('s')?.y).toBe(node('c')?.y);
    expect(node('u')?.y).toBeGreaterThan(node('c')?.y ?? 0);
    expect(node('w')?.y).toBeGreaterThan(node('u')?.y ?? 0);
  });

  it('uses the conventional symbols and marks the person and their household', () => {
    expect(node('f')?.shape).toBe('square');
    expect(node('m')?.shape).toBe('circle');
    expect(node('u')?.shape).toBe('triangle');
    expect(node('w')?.shape).toBe('diamond');
    expect(node('c')).toMatchObject({ focus: true, household: true });
    expect(node('m')?.household).toBe(true);
    expect(node('f')?.household).toBe(false);
    expect(node('m')?.labels).toEqual(['Person m', 'Parent', 'Age 36', 'PR, same household']);
    expect(node('u')?.labels).toContain('Due 1 February 2027');
  });

  it('orders siblings by age and draws half relations dashed', () => {
    expect(node('s')?.x).toBeLessThan(node('c')?.x ?? 0);
    expect(node('h')?.x).toBeGreaterThan(node('c')?.x ?? 0);
    expect(g.lines.some((l) => l.dashed)).toBe(true);
    expect(g.lines.length).toBeGreaterThan(6);
  });

  it('describes itself for screen readers, with a table of the same people', () => {
    expect(g.title).toBe('Genogram of Amelia Quinlan');
    expect(g.description).toContain('parents: 2');
    expect(g.table.map((r) => r.name)).toEqual(expect.arrayContaining(['Amelia Quinlan', 'Person m', 'Person w']));
    expect(g.table).toHaveLength(family.length + 1);
  });

  it('draws a restricted relative without a name or age', () => {
    const r = layoutGenogram(focus, [rel('x', 'sibling', { restricted: true, name: 'Restricted record' })], '2026-11-23');
    const x = r.nodes.find((n) => n.id === 'x');
    expect(x?.restricted).toBe(true);
    expect(x?.labels).toEqual(['Restricted record', 'Sibling']);
  });

  it('draws a person with no relatives recorded', () => {
    const alone = layoutGenogram(focus, [], '2026-11-23');
    expect(alone.nodes).toHaveLength(1);
    expect(alone.description).toContain('No relatives are recorded');
  });
});
