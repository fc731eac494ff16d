import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'issuer_id' })
  field: string;

  @ApiProperty({ example: 'must match ^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$' })
  message: string;
}

/** The error body of every admin route. */
export class AdminErrorDto {
  @ApiProperty({ description: 'Stable machine-readable code.', example: 'validation_failed' })
  error: string;

  @ApiProperty({ description: 'Human-readable explanation.', example: 'The request has invalid fields; see details.' })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Every failing field (422 only).' })
  details?: FieldProblemDto[];

  @ApiPropertyOptional({ description: 'Request id to quote to an operator (5xx only).' })
  request_id?: string;
}

/** RFC 6749 error body of public routes and routing errors. */
@ApiSchema({ name: 'OAuthError' })
export class OAuthErrorDto {
  @ApiProperty({
    example: 'not_found',
    description: 'RFC 6749 / OIDC code, or not_found, method_not_allowed, too_many_requests, server_error, temporarily_unavailable.',
  })
  error: string;

  @ApiPropertyOptional({ example: 'The requested resource does not exist.' })
  error_description?: string;

  @ApiPropertyOptional({ description: 'Request id to quote to an operator (500 only).' })
  request_id?: string;
}
