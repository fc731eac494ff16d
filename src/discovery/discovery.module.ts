import { Module } from '@nestjs/common';
import { DiscoveryController } from './discovery.controller.js';

/** The per-issuer metadata routes in the OpenAPI document (served by the OIDC module's gateway). */
@Module({ controllers: [DiscoveryController] })
export class DiscoveryModule {}
