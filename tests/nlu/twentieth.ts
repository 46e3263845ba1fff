import { trainingExamples } from '../../flows/nlu/examples';

/**
 * Every phrase but each twentieth, as the texts to leave out of a training: a model trained on the rest
 * takes seconds, not minutes, for the tests that need a model of their own (its layout and its
 * training's steps are the same whatever the size).
 *
 * @example
 * const small = trainModel(allButATwentieth());
 */
export function allButATwentieth(): Set<string> {
  return new Set(trainingExamples().flatMap((example, i) => (i % 20 === 0 ? [] : [example.text])));
}
