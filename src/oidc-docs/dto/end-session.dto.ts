import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** Seed 001's end-session parameters (OpenID Connect RP-Initiated Logout 1.0 §2), and the others Portcullis takes. */
@ApiSchema({ name: 'EndSessionRequest' })
export class EndSessionRequestDto {
  @ApiPropertyOptional({ description: 'An ID token the issuer gave the client (an expired one too): names the client and the user.' })
  id_token_hint?: string;

  @ApiPropertyOptional({
    format: 'uri',
    example: 'https://rp.example.com/signed-out',
    description: 'Where to send the browser after sign-out: one of the post_logout_redirect_uris the client registered.',
  })
  post_logout_redirect_uri?: string;

  @ApiPropertyOptional({ description: 'Returned unchanged to post_logout_redirect_uri.' })
  state?: string;

  @ApiPropertyOptional({ description: 'The client, when there is no id_token_hint.' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'Preferred languages of the page, space-delimited BCP 47 tags.' })
  ui_locales?: string;

  @ApiPropertyOptional({ description: 'A hint of the user to sign out.' })
  logout_hint?: string;
}
