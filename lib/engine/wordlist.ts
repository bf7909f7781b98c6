/**
 * Built-in English and French words (French without accents, as hashtags
 * are written) for splitting all-lower-case hashtags into CamelCase
 * (#digitaldiplomacy → #DigitalDiplomacy, #amitiefranceasie → #AmitieFranceAsie).
 * Curated for diplomatic and civic posts; packs add their own through the
 * rule's `words` and the pack vocabulary.
 */
const WORDS = `
a about above across act action africa against age agreement aid air all alliance also america an and annual anniversary
any april art arts as asean asia at august australia away back bank be because been before best better between bilateral
big blue book border both build building business but by call can cambodia canada care celebrate celebration centre center
change charter child children china choose city civil clean climate club come committee common community conference congress
constitution cooperation council country countries courage court covid crisis cultural culture cyber day days december
defense defence delegation democracy development digital diplomacy diplomat diplomatic disaster do dont earth east economic
economy education election embassy emergency end energy environment equal equality eu europe european every exchange expo
fair family february festival first flag flood food for foreign forum forward france free freedom friday friends friendship
from future game games gender give global go good government great green growth happy have health heritage help here heritage
high history home hope human humanitarian i in inclusion independence india indonesia info innovation international is it
january japan join july june justice khmer kingdom korea labor labour land language laos law leader leaders leadership
learn let life live local love make malaysia march may media meeting memorial mental men migration minister ministry mission
monday month more music my myanmar nation national nations nature navy need network new news next night no north not now
ocean october of official on one open our out over pacific partner partners partnership peace people philippines plan
planet please police policy post power press prime proud public rain ready region regional relations remember report
republic research resilience respect right rights road royal rule run safe safety saturday school science sea season
secretary security september service sihanoukville singapore smart social solidarity south space sport sports state
states statement stop strong student students summit sunday support sustainable talk team tech technology temple thailand
thank thanks the their this thursday time to today together tourism trade training travel trust tuesday un union united
unity university up us vaccine vietnam visit vote water we wednesday week welcome west with women work workers world year
years young youth zero
ambassade amitie amis annee annees ans anniversaire avenir bienvenue cambodge climat commemoration cooperation culturelle
developpement diplomatie droits egalite ensemble environnement et etudiants europeenne fete femmes fier fiers francais
francaise francophonie independance jeunes jeunesse journee langue liberte merci mondiale monde nationale nations numerique
paix partenariat patrimoine pour royaume sante semaine solidarite sommet unies vive au aux de des du en la le les
`;

let cache: Set<string> | null = null;

export function builtinWords(): ReadonlySet<string> {
  return (cache ??= new Set(WORDS.split(/\s+/).filter((w) => w.length > 0)));
}
