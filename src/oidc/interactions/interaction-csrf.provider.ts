import { Inject, Injectable } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { interactionCsrf } from './csrf.js';

/** The CSRF issuer/guard of the interaction forms, keyed from the key-encryption keys so every replica agrees. */
@Injectable()
export class InteractionCsrf {
  readonly issue: (req: Request, res: Response) => string;
  readonly protect: RequestHandler;

  constructor(box: SecretBox, @Inject(APP_CONFIG) config: AppConfig) {
    ({ issue: this.issue, protect: this.protect } = interactionCsrf(box.derive('csrf:interactions'), config.publicUrl.startsWith('https:')));
  }
}
