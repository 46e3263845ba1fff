import type { ServiceId } from '../catalog/schema';
import { namesWhatIsWanted } from './features';

/*
 * What the phrases teach about the words of services: which stems name a service, which names belong
 * to which services, and which names tell one service whatever else a message says. Learned at
 * training (model-training.ts) from the phrases' words.
 */

/**
 * Words every service's phrases use that name none of them: documents, applications, getting and
 * giving, needing. Without this list the phrases' own habits would make them service words.
 */
const NEVER_A_SERVICE =
  /^(\d+|документ|докумен|турал|кужат|кабылда|кабылдау|заявлен|отиниш|керек|нужн|нуж|получ|оформ|пода|тапсыр|алу|ал|алайык|аламыз|аламын|алам|алсак|алсам|алып|алуга|алган|алгым|бер|беру|как|калай|где|кайда|мне|мен|мой|моя|для|ушин|мен|бар|жок|есть|нет|хоч|кел|сдел|жаса|тегин|бесплат|бесплатн|что|при|ето|или|уже|все|его|она|они)$/;

/** A stem names a service when its share of the services' words is this many times its share of the other phrases' words. */
const SERVICE_STEM_RATIO = 4;
/** …and when at least this part of its uses in the services' phrases is in one service's. */
const SERVICE_STEM_CONCENTRATION = 0.5;

/** A name's stem tells its service whatever else is said when at least this share of the phrases with it that name one service name that one… */
const OWN_NAME_SHARE = 0.97;
/** …in at least this many phrases. */
const OWN_NAME_USES = 30;

/**
 * The stems of services' names that tell one service whatever else the message says ("жатақхана",
 * "питан", "академ"), learned from the phrases: a level of education, a word that mostly tells the
 * case ("справка") or a loss is none, nor a name most phrases with it use for another service
 * ("аттестат" is corrected as often as duplicated).
 */
export function ownNamesOf(examples: readonly { services: readonly ServiceId[]; words: readonly { stem: string }[] }[], nameStems: ReadonlySet<string>): Map<string, ServiceId> {
  const uses = new Map<string, Map<ServiceId, number>>();
  for (const example of examples) {
    if (example.services.length !== 1) continue;
    const service = example.services[0]!;
    for (const stem of new Set(example.words.map((w) => w.stem))) {
      if (!nameStems.has(stem) || !namesWhatIsWanted(stem)) continue;
      const byService = uses.get(stem) ?? new Map<ServiceId, number>();
      byService.set(service, (byService.get(service) ?? 0) + 1);
      uses.set(stem, byService);
    }
  }
  const ownNames = new Map<string, ServiceId>();
  for (const [stem, byService] of uses) {
    let total = 0;
    let top: [ServiceId, number] | undefined;
    for (const [service, count] of byService) {
      total += count;
      if (!top || count > top[1]) top = [service, count];
    }
    if (top && total >= OWN_NAME_USES && top[1] / total >= OWN_NAME_SHARE) ownNames.set(stem, top[0]);
  }
  return ownNames;
}

/** Which services' names hold each stem. */
export function serviceNamesOf(examples: readonly { isName?: boolean; services: readonly ServiceId[]; words: readonly { stem: string }[] }[]): Map<string, Set<ServiceId>> {
  const namedBy = new Map<string, Set<ServiceId>>();
  for (const example of examples) {
    if (!example.isName) continue;
    for (const { stem } of example.words) {
      const services = namedBy.get(stem) ?? new Set<ServiceId>();
      for (const service of example.services) services.add(service);
      namedBy.set(stem, services);
    }
  }
  return namedBy;
}

export function serviceStemsOf(examples: readonly { fromServiceFile?: boolean; isName?: boolean; services: readonly string[]; words: readonly { stem: string }[] }[]): Set<string> {
  const inServices = new Map<string, number>();
  const byService = new Map<string, Map<string, number>>();
  const elsewhere = new Map<string, number>();
  const inNames = new Set<string>();
  let servicesTotal = 0;
  let elsewhereTotal = 0;
  for (const example of examples) {
    const fromService = example.fromServiceFile === true;
    if (!fromService && example.services.length > 0) continue; // a phrase with a service's name put in: its other words are the intent's
    for (const { stem } of example.words) {
      const counts = fromService ? inServices : elsewhere;
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      if (fromService) {
        servicesTotal += 1;
        const perService = byService.get(stem) ?? new Map<string, number>();
        for (const service of example.services) perService.set(service, (perService.get(service) ?? 0) + 1);
        byService.set(stem, perService);
      } else elsewhereTotal += 1;
      if (example.isName && stem.length > 2) inNames.add(stem);
    }
  }
  const stems = new Set<string>();
  for (const [stem, count] of inServices) {
    const share = count / servicesTotal;
    const otherShare = ((elsewhere.get(stem) ?? 0) + 0.5) / elsewhereTotal;
    // A word of a service's name needs only to be commoner there than elsewhere; any other word, much
    // commoner, and mostly in one service's phrases ("хочу" is in all of them and names none).
    const perService = [...(byService.get(stem)?.values() ?? [])];
    const concentrated = Math.max(...perService) >= SERVICE_STEM_CONCENTRATION * perService.reduce((a, b) => a + b, 0);
    const named = inNames.has(stem) ? share >= otherShare : share >= SERVICE_STEM_RATIO * otherShare && concentrated;
    if (named && !NEVER_A_SERVICE.test(stem)) stems.add(stem);
  }
  return stems;
}
