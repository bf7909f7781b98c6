import { useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '@/components/i18n';
import { LockedNote } from '@/components/LockedNote';
import { CUSTOM_PACK_ID } from '@/components/options/custom-rules';
import type { GuidelinesSource, OptionsServices } from '@/components/options/types';
import { localize } from '@/lib/engine/localize';
import type { PackSummary, StoredPack } from '@/lib/packs/active';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { findDuplicateRuleIds, formatPackError, loadPack, parsePackFile } from '@/lib/packs/validate';
import type { SettingsView } from '@/lib/state/settings-store';
import { ImportOutcome, storageRefusal, type ImportOutcomeValue } from '@/components/options/ImportOutcome';

interface Props {
  view: SettingsView;
  guidelines: GuidelinesSource;
  services: OptionsServices;
}

type Outcome = ImportOutcomeValue;

const packIdOf = (json: unknown) => (json && typeof json === 'object' ? (json as { id?: unknown }).id : undefined);

/**
 * Checks a pack file and, if it passes, returns the new imported-packs list.
 * A refused import returns only errors (nothing is written).
 */
export function importPackText(
  text: string,
  fileName: string,
  current: { imported: readonly StoredPack[]; summaries: readonly PackSummary[]; packs: readonly import('@/lib/packs/schema').Pack[] },
  messages: { reserved(id: string): string; taken(id: string, title: string, origin: string): string },
  now = new Date(),
): { ok: true; imported: StoredPack[]; replaced: boolean; title: import('@/lib/packs/schema').Pack['title']; version: string } | { ok: false; lines: string[] } {
  const parsed = parsePackFile(text, fileName);
  if (!parsed.ok) return { ok: false, lines: parsed.errors.map(formatPackError) };
  const loaded = loadPack(parsed.json, fileName);
  if (!loaded.ok) return { ok: false, lines: loaded.errors.map(formatPackError) };
  const pack = loaded.pack;
  if (pack.id === CUSTOM_PACK_ID) return { ok: false, lines: [`${fileName}: ${messages.reserved(pack.id)}`] };
  const owner = current.summaries.find((s) => s.id === pack.id && s.origin !== 'imported');
  if (owner) return { ok: false, lines: [`${fileName}: ${messages.taken(pack.id, owner.title.en, owner.origin)}`] };
  const others = current.packs.filter((p) => p.id !== pack.id).map((p) => ({ pack: p, fileName: `${p.id}` }));
  const clashes = findDuplicateRuleIds([...others, { pack, fileName }]).filter((e) => e.file === fileName);
  if (clashes.length) return { ok: false, lines: clashes.map(formatPackError) };
  const previous = current.imported.find((p) => packIdOf(p.json) === pack.id);
  const entry: StoredPack = { fileName, json: parsed.json, enabled: previous?.enabled ?? true, importedAt: now.toISOString() };
  const imported = previous ? current.imported.map((p) => (p === previous ? entry : p)) : [...current.imported, entry];
  return { ok: true, imported, replaced: !!previous, title: pack.title, version: pack.version };
}

export function PacksSection({ view, guidelines, services }: Props) {
  const { t, lang } = useI18n();
  const active = useStore(guidelines);
  const imported = useStore(guidelines.imported, (s) => s.value);
  // A failed write of a switch or a removal (e.g. storage full) is shown, not passed over.
  const packsWriteError = useStore(guidelines.imported, (s) => s.writeError);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const lockedBuiltin = view.locked.has('disabledBuiltinPacks');
  const originLabel = (o: PackSummary['origin']) =>
    o === 'builtin' ? t('options.packs.builtin') : o === 'organisation' ? t('options.packs.organisation') : t('options.packs.imported');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const state = guidelines.getState();
    const r = importPackText(text, file.name, { imported: guidelines.imported.getState().value, summaries: state.summaries, packs: state.packs }, {
      reserved: (id) => t('options.packs.reservedId', { id }),
      taken: (id, title, origin) => t('options.packs.takenId', { id, title, origin: originLabel(origin as PackSummary['origin']) }),
    });
    if (!r.ok) {
      setOutcome({ kind: 'error', lines: r.lines });
      return;
    }
    // Checked write: a pack storage.local has no room for is refused, not reported as imported.
    const saved = await guidelines.imported.getState().tryReplace(r.imported);
    if (!saved.ok) {
      setOutcome({ kind: 'error', lines: [storageRefusal(saved, t)] });
      return;
    }
    const title = localize(r.title, lang);
    setOutcome({ kind: 'ok', text: t(r.replaced ? 'options.packs.updatedOk' : 'options.packs.importedOk', { title, version: r.version }) });
  };

  const setImportedEnabled = (id: string, enabled: boolean) =>
    guidelines.imported.getState().replace(imported.map((p) => (packIdOf(p.json) === id ? { ...p, enabled } : p)));
  const removeImported = (id: string) => guidelines.imported.getState().replace(imported.filter((p) => packIdOf(p.json) !== id));
  const setBuiltinEnabled = (id: string, enabled: boolean) => {
    const off = new Set(view.user.disabledBuiltinPacks);
    if (enabled) off.delete(id);
    else off.add(id);
    void view.update({ disabledBuiltinPacks: [...off] });
  };
  const exportPack = (s: PackSummary) => {
    const json =
      s.origin === 'builtin'
        ? DEFAULT_PACKS.find((p) => packIdOf(p) === s.id)
        : s.origin === 'organisation'
          ? view.policy.packs.find((p) => packIdOf(p) === s.id)
          : imported.find((p) => packIdOf(p.json) === s.id)?.json;
    if (json !== undefined) services.download(`${s.id}.json`, `${JSON.stringify(json, null, 2)}\n`);
  };

  const loadErrors = active.errors.filter((e) => !e.file.startsWith('organisation pack'));

  return (
    <fieldset data-section="packs">
      <legend>{t('options.packs')}</legend>
      {loadErrors.length > 0 && (
        <div role="alert" data-pack-errors="">
          <p>{t('options.packs.loadErrors')}</p>
          <ul>
            {loadErrors.map((e, i) => (
              <li key={i}>{formatPackError(e)}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="packs">
        <tbody>
          {active.summaries.map((s) => {
            const title = localize(s.title, lang);
            const isOrg = s.origin === 'organisation';
            const locked = isOrg || (s.origin === 'builtin' && lockedBuiltin);
            return (
              <tr key={`${s.origin}:${s.id}`} data-pack={s.id} data-origin={s.origin} data-enabled={String(s.enabled)}>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      aria-label={t('options.packs.use', { title })}
                      checked={s.enabled}
                      disabled={locked}
                      onChange={(e) =>
                        s.origin === 'builtin' ? setBuiltinEnabled(s.id, e.target.checked) : void setImportedEnabled(s.id, e.target.checked)
                      }
                    />
                    <strong>{title}</strong>
                  </label>
                  <div className="meta">
                    <code>{s.id}</code> · {t('options.packs.version', { version: s.version })} · {t('options.packs.rules', { count: s.rules })} ·{' '}
                    {t('options.packs.origin', { origin: originLabel(s.origin) })}
                  </div>
                  <LockedNote locked={locked} />
                </td>
                <td>
                  <button type="button" aria-label={t('options.packs.export', { title })} onClick={() => exportPack(s)}>
                    ⭳
                  </button>
                  {s.origin === 'imported' && s.id !== CUSTOM_PACK_ID ? (
                    <button type="button" aria-label={t('options.packs.remove', { title })} onClick={() => void removeImported(s.id)}>
                      ✕
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <label>
          {t('options.importPack')}
          <input type="file" accept=".json,application/json" aria-label={t('options.importPack')} onChange={(e) => void onFile(e)} />
        </label>
      </p>
      <p className="note">{t('options.packs.importHelp')}</p>
      <ImportOutcome outcome={outcome} refused={t('options.packs.refused')} marker="import" />
      {packsWriteError && <p role="alert">{packsWriteError}</p>}
    </fieldset>
  );
}
