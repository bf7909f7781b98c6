/** Registers every UI catalogue (extension pages and the background; not content scripts). */
import { fr } from '@/lib/i18n/fr';
import { registerCatalogue } from '@/lib/i18n';
import { km } from '@/lib/i18n/km';

registerCatalogue('km', km);
registerCatalogue('fr', fr);

export { km, fr };
