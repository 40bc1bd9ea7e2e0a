-- A suspension, revocation or reinstatement is recorded even when Keycloak does not answer: the
-- API refuses a member's tokens by their state here. Their Keycloak account is then closed or
-- reopened by a sweep (AccountsInStep) once Keycloak answers; true until it has been.
ALTER TABLE members ADD COLUMN account_out_of_step boolean NOT NULL DEFAULT false;
CREATE INDEX members_account_out_of_step ON members (id) WHERE account_out_of_step;
