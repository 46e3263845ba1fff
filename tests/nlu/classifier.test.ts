import { describe, expect, it } from 'vitest';
import type { Features } from '../../flows/nlu/bayes';
import { type Blend, Classifier } from '../../flows/nlu/classifier';
import { FeatureIndex } from '../../flows/nlu/sparse';

const LABELS = ['fee', 'term', 'hours'] as const;
type Label = (typeof LABELS)[number];

const TOY: [Label, string][] = [
  ['fee', 'сколько стоит справка'],
  ['fee', 'это платно или бесплатно'],
  ['fee', 'какая цена услуги'],
  ['fee', 'сколько платить за дубликат'],
  ['term', 'сколько дней ждать справку'],
  ['term', 'когда будет готово'],
  ['term', 'какой срок у услуги'],
  ['term', 'долго ли ждать дубликат'],
  ['hours', 'до скольки вы работаете'],
  ['hours', 'работаете ли в субботу'],
  ['hours', 'график работы цона'],
  ['hours', 'когда открыто утром'],
];

function featuresOf(text: string): Features {
  const features: Features = new Map();
  for (const word of text.split(' ')) features.set(`w:${word}`, (features.get(`w:${word}`) ?? 0) + 1);
  return features;
}

function trained(blend: Blend = { bayes: 2, softmax: 1 }): Classifier<Label> {
  const classifier = new Classifier<Label>(LABELS, blend);
  for (const [label, text] of TOY) classifier.add(label, featuresOf(text));
  classifier.train();
  return classifier;
}

describe('the blended classifier', () => {
  it('learns a toy set: each training message gets its label back', () => {
    const classifier = trained();
    for (const [label, text] of TOY) expect(classifier.posteriors(featuresOf(text))[0]!.label).toBe(label);
  });

  it('tells a new message by the words that tell the labels apart', () => {
    const classifier = trained();
    expect(classifier.posteriors(featuresOf('а сколько стоит'))[0]!.label).toBe('fee');
    expect(classifier.posteriors(featuresOf('в субботу работаете'))[0]!.label).toBe('hours');
    expect(classifier.posteriors(featuresOf('сколько ждать'))[0]!.label).toBe('term');
  });

  it('gives the same probabilities when trained again on the same examples', () => {
    const message = featuresOf('сколько дней стоит ждать в субботу');
    expect(trained().posteriors(message)).toEqual(trained().posteriors(message));
  });

  it('is sure of a plain message, less sure of one it knows only part of, and has no preference for one it does not know', () => {
    const classifier = trained();
    const plain = classifier.posteriors(featuresOf('сколько стоит справка'))[0]!.p;
    const partly = classifier.posteriors(featuresOf('сколько стоит эта бумажка для внука из армии'))[0]!.p;
    const unknown = classifier.posteriors(featuresOf('погода завтра'));
    expect(plain).toBeGreaterThan(0.5);
    expect(partly).toBeLessThan(plain);
    for (const { p } of unknown) expect(p).toBeCloseTo(1 / LABELS.length, 1);
  });

  it('gives probabilities that sum to one, highest first', () => {
    const posteriors = trained().posteriors(featuresOf('когда работаете и сколько стоит'));
    expect(posteriors.reduce((sum, { p }) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(posteriors.map(({ p }) => p)).toEqual([...posteriors.map(({ p }) => p)].sort((a, b) => b - a));
  });

  it('knows the features it was trained on, and how much of a message they cover', () => {
    const classifier = trained();
    expect(classifier.knows('w:стоит')).toBe(true);
    expect(classifier.knows('w:погода')).toBe(false);
    expect(classifier.coverage(featuresOf('сколько стоит погода завтра'))).toBeCloseTo(0.5, 9);
  });

  it('shares its features with the other classifiers of a model without learning theirs, and answers as if alone', () => {
    const index = new FeatureIndex();
    const weather = new Classifier(['sun', 'rain'] as const, { bayes: 2, softmax: 1 }, index);
    weather.add('sun', featuresOf('погода солнце завтра'));
    weather.add('rain', featuresOf('погода дождь сегодня'));
    weather.train();
    const shared = new Classifier<Label>(LABELS, { bayes: 2, softmax: 1 }, index);
    for (const [label, text] of TOY) shared.add(label, featuresOf(text));
    shared.train();
    expect(shared.knows('w:погода')).toBe(false);
    expect(weather.knows('w:погода')).toBe(true);
    const message = featuresOf('сколько стоит погода в субботу');
    expect(shared.posteriors(message)).toEqual(trained().posteriors(message));
    // A message's features looked up once in the index serve every classifier of it.
    expect(shared.posteriors(index.vector(message))).toEqual(shared.posteriors(message));
  });

  it('is naive Bayes alone when the regression has no share', () => {
    const classifier = trained({ bayes: 2, softmax: 0 });
    expect(classifier.posteriors(featuresOf('сколько стоит справка'))[0]!.label).toBe('fee');
  });
});
