import { Global, Module } from '@nestjs/common';
import { RateLimiterStore } from './rate-limiter-store.js';

/** The one place rate limiters get their store, so every limit is shared the same way across replicas. */
@Global()
@Module({ providers: [RateLimiterStore], exports: [RateLimiterStore] })
export class RateLimitsModule {}
