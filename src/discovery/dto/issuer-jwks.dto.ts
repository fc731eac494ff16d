import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** A public JSON Web Key (RFC 7517), as seed 001 lists its members. */
@ApiSchema({ name: 'JWK' })
export class JwkDto {
  @ApiProperty({ example: 'RSA', description: 'Key type (RSA, EC, OKP).' }) kty: string;
  @ApiProperty({ enum: ['sig', 'enc'], example: 'sig' }) use: string;
  @ApiProperty({ example: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs' }) kid: string;
  @ApiProperty({ example: 'RS256', description: 'Always present in Portcullis (the contract requires it).' }) alg: string;
  @ApiPropertyOptional({ description: 'RSA modulus (base64url).' }) n?: string;
  @ApiPropertyOptional({ example: 'AQAB', description: 'RSA exponent (base64url).' }) e?: string;
  @ApiPropertyOptional({ description: 'EC/OKP x coordinate.' }) x?: string;
  @ApiPropertyOptional({ description: 'EC y coordinate.' }) y?: string;
  @ApiPropertyOptional({ example: 'P-256' }) crv?: string;
  @ApiPropertyOptional({ type: [String] }) x5c?: string[];
  @ApiPropertyOptional() x5t?: string;
}

@ApiSchema({ name: 'IssuerJWKS' })
export class IssuerJwksDto {
  @ApiProperty({ type: [JwkDto], description: 'Active key first, then the pre-published next key, then retired keys still verifying tokens.' })
  keys: JwkDto[];
}
