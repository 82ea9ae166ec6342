// The generators live with the service (the demo seed uses them too).
export * from '../../src/demo-files.ts';
