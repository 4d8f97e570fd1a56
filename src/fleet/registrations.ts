// A run of many services registers each distinct task definition once: the same service in two clusters with the
// same image deploys one revision, not two identical ones.
import type { RegisteredRevision } from '../rollout/kind.js';
import type { SharedRegistration } from '../deploy/apply.js';
import { canonicalJson } from '../taskdef/plain-data.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';

export type RegisterOnce = (rendered: TaskDefinitionDocument, register: () => Promise<RegisteredRevision>) => Promise<SharedRegistration>;

/** `registerOnce(who)` for each service: the first to ask registers; the others with the same document wait for it. */
export function sharedRegistrations(): (who: string) => RegisterOnce {
  const made = new Map<string, { who: string; registration: Promise<RegisteredRevision> }>();
  return (who) => async (rendered, register) => {
    const key = canonicalJson(rendered);
    const earlier = made.get(key);
    if (earlier) return { revision: await earlier.registration, madeFor: earlier.who };
    const registration = register();
    made.set(key, { who, registration });
    // A failed registration is not shared: the next service with this document tries for itself.
    registration.catch(() => {
      if (made.get(key)?.registration === registration) made.delete(key);
    });
    return { revision: await registration };
  };
}
