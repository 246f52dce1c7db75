/**
 * The wire names of the fields of the larger query and body arguments, as the reference spec and core's schemas
 * name them.
 *
 * @internal
 */

/** The filters of `GET /users` and `GET /users/count`. */
export const USER_FILTERS = [
  "email_address",
  "phone_number",
  "external_id",
  "username",
  "web3_wallet",
  "user_id",
  "organization_id",
  "query",
  "email_address_query",
  "phone_number_query",
  "username_query",
  "name_query",
  "banned",
  "last_active_at_before",
  "last_active_at_after",
  "last_active_at_since",
  "created_at_before",
  "created_at_after",
  "last_sign_in_at_before",
  "last_sign_in_at_after",
  "provider",
  "provider_user_id"
]

/** Offset pagination. */
export const PAGE = ["limit", "offset"]

/** The body of `POST /users`. */
export const CREATE_FIELDS = [
  "external_id",
  "first_name",
  "last_name",
  "locale",
  "email_address",
  "email_address_identification_status",
  "phone_number",
  "phone_number_identification_status",
  "web3_wallet",
  "username",
  "password",
  "password_digest",
  "password_hasher",
  "skip_password_checks",
  "skip_password_requirement",
  "totp_secret",
  "backup_codes",
  "public_metadata",
  "private_metadata",
  "unsafe_metadata",
  "delete_self_enabled",
  "legal_accepted_at",
  "skip_legal_checks",
  "skip_user_requirement",
  "create_organization_enabled",
  "create_organizations_limit",
  "created_at",
  "bypass_client_trust",
  "banned",
  "locked"
]

/** The body of `PATCH /users/{user_id}`. */
export const UPDATE_FIELDS = [
  "external_id",
  "first_name",
  "last_name",
  "locale",
  "primary_email_address_id",
  "notify_primary_email_address_changed",
  "primary_phone_number_id",
  "primary_web3_wallet_id",
  "username",
  "profile_image_id",
  "password",
  "password_digest",
  "password_hasher",
  "skip_password_checks",
  "sign_out_of_other_sessions",
  "totp_secret",
  "backup_codes",
  "public_metadata",
  "private_metadata",
  "unsafe_metadata",
  "delete_self_enabled",
  "create_organization_enabled",
  "legal_accepted_at",
  "skip_legal_checks",
  "create_organizations_limit",
  "created_at",
  "bypass_client_trust"
]

/** The metadata bodies. */
export const METADATA_FIELDS = ["public_metadata", "private_metadata", "unsafe_metadata"]
