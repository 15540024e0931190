import { faultSuites } from './suite';

// every declared vendor's fault suite, shared over three files (suite.ts, faultSuites)
faultSuites(1, 3);
