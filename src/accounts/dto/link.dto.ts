import { ApiProperty } from '@nestjs/swagger';

/** A user's identity at a connection (an upstream OpenID Provider): who signs in as this user there. */
export class LinkDto {
  @ApiProperty({ format: 'uuid', example: '8c4e2a6f-0b1d-4f3e-a5c7-9e1b3d5f7a9c' })
  link_id: string;

  @ApiProperty({ format: 'uuid', example: '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' })
  connection_id: string;

  @ApiProperty({ example: 'acme', description: 'The name of the connection.' })
  connection_name: string;

  @ApiProperty({ example: '248289761001', description: 'The upstream `sub`.' })
  subject: string;

  @ApiProperty({ type: String, nullable: true, example: 'jane@acme.example', description: 'The email the upstream asserted at the last sign-in, if any.' })
  email: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it last signed the user in; null if never.' })
  last_sign_in_at: string | null;
}

export class LinkListDto {
  @ApiProperty({ type: [LinkDto] })
  items: LinkDto[];
}
