import { Worker } from 'node:worker_threads';

/**
 * A worker thread running one of our TypeScript modules. Workers do not inherit tsx's loader,
 * so the worker registers it before importing the module.
 */
export function typeScriptWorker(moduleUrl: string): Worker {
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Worker(boot, { eval: true });
}
