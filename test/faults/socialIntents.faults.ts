import { faultSuite } from './suite';

faultSuite('socialIntents');
