import type { ImageOptions } from '../../src/image/options.js';

/** Image options as the inputs' defaults give them, for `image`, with the fields a test cares about changed. */
export function imageOptions(image: string, overrides: Partial<ImageOptions> = {}): ImageOptions {
  return {
    image,
    buildArgs: [],
    pinDigest: false,
    verifyImage: 'auto',
    dockerCommand: 'docker',
    registryAuth: 'auto',
    createRepository: false,
    dryRun: false,
    ...overrides,
  };
}
