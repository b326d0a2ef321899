// The recogniser trained by `npm run train:entities` (server/src/core/data/entities-model.json), decoded on first use.
import modelData from '../../data/entities-model.json';
import type { ModelData } from './perceptron';
import { PerceptronRecogniser } from './recogniser';

// The decoded model is immutable data, like the lexicons, so one copy serves every analysis.
let shipped: PerceptronRecogniser | undefined;

export function shippedRecogniser(): PerceptronRecogniser {
  shipped ??= new PerceptronRecogniser(modelData as unknown as ModelData);
  return shipped;
}
