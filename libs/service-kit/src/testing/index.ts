// @tourconnect/service-kit/testing: what every service's tests build on. One service per
// harness; flows across several services live in the root test/e2e/.
export { startServiceHarness, silentTestLogger, type HarnessOptions, type ServiceHarness } from './harness.ts';
export { createTestTokens, bearer, TEST_ISSUER, TEST_AUDIENCE, type TestTokens, type TestCaller } from './tokens.ts';
export { testEnvelope } from './envelopes.ts';
export { waitFor } from './wait-for.ts';
export { injectCall, nextIp, type ApiResponse, type CallOptions } from './inject-call.ts';
