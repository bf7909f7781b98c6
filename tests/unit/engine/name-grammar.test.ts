/** lib/engine/name-grammar: fixes that keep French articles, elision and case, and English "the". */
import { describe, it, expect } from 'vitest';
import { nameReplacement } from '@/lib/engine/name-grammar';
const r = (text: string, find: string, lang: 'en' | 'fr' | 'km', name: string, article?: any) => {
  const s = text.indexOf(find);
  const { range, replacement } = nameReplacement(text, { start: s, end: s + find.length }, lang, { name, article });
  return text.slice(0, range.start) + replacement + text.slice(range.end);
};
describe('name grammar: articles and prepositions travel with the name', () => {
 it('replaces French and English names with the right article, elision and case', () => {
  expect(r("L'ambassadeur de Ceylan est arrivé.", 'Ceylan', 'fr', 'Sri Lanka', 'le')).toBe("L'ambassadeur du Sri Lanka est arrivé.");
  expect(r("Le président du Zaïre", 'Zaïre', 'fr', 'République démocratique du Congo', 'la')).toBe('Le président de la République démocratique du Congo');
  expect(r("Visite en Birmanie.", 'Birmanie', 'fr', 'Myanmar', 'le')).toBe('Visite au Myanmar.');
  expect(r("La Birmanie et le Cambodge", 'Birmanie', 'fr', 'Myanmar', 'le')).toBe('Le Myanmar et le Cambodge');
  expect(r("Au Zaïre, la situation", 'Zaïre', 'fr', 'République démocratique du Congo', 'la')).toBe('En République démocratique du Congo, la situation');
  expect(r("l'ambassade d’Ivory", 'Ivory', 'fr', 'Eswatini', "l'")).toBe("l'ambassade de l'Eswatini");
  expect(r("Exports to Holland doubled.", 'Holland', 'en', 'Netherlands', 'the')).toBe('Exports to the Netherlands doubled.');
  expect(r("Holland exports.", 'Holland', 'en', 'Netherlands', 'the')).toBe('The Netherlands exports.');
  expect(r("in the Ivory Coast.", 'Ivory Coast', 'en', "Côte d'Ivoire")).toBe("in Côte d'Ivoire.");
  expect(r("The Ivory Coast team", 'Ivory Coast', 'en', "Côte d'Ivoire")).toBe("Côte d'Ivoire team");
  expect(r("A visit to the Czech Republic next week.", 'Czech Republic', 'en', 'Czechia')).toBe('A visit to Czechia next week.');
  expect(r("Cambodia and South Korea signed", 'South Korea', 'en', 'Republic of Korea', 'the')).toBe('Cambodia and the Republic of Korea signed');
  expect(r("the North Korea issue", 'North Korea', 'en', 'the DPRK')).toBe('the DPRK issue');
  expect(r("VISITE AU ZAÏRE", 'ZAÏRE', 'fr', 'République démocratique du Congo', 'la')).toBe('VISITE EN RÉPUBLIQUE DÉMOCRATIQUE DU CONGO');
 });
});
