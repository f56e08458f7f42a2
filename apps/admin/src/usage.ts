/** What `npm run admin` accepts. */
export const USAGE = `usage: npm run admin -- <command>

operators of the dashboard (web sign-in):
  add-operator <email>        create an account (or reset its password); prints the password once
  remove-operator <email>     take the operator role away and end its sessions
  list-operators

moderation (written to the audit log as "cli"):
  hide <analysis id>          keep it off every public surface
  unhide <analysis id>
  delete <analysis id>        remove it from the database
  block <discord|slack> <user|server> <id> [reason]
  unblock <discord|slack> <user|server> <id>
  publish <discord|slack> <server id> <on|off>
  audit [count]               the newest audit lines

data:
  export-user <discord|slack>:<user id>   every analysis the user asked, as JSON on stdout
  delete-user <discord|slack>:<user id>   delete them all
  retention <days>            delete analyses older than <days> now
`;
