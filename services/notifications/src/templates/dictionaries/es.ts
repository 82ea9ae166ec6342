import type { Dictionary } from '../catalog.ts';

export const es: Dictionary = {
  greeting: (name) => (name ? `Hola ${name}:` : 'Hola:'),
  linkFallback: 'Si el botón no funciona, copia este enlace en tu navegador:',
  footer: 'TourConnect, el ecosistema de socios para viajes. Este es un mensaje automático; las respuestas no se leen.',
  roles: { owner: 'propietario', manager: 'gestor', viewer: 'lector' },
  templates: {
    verify_email: (p, f) => ({
      subject: 'Confirma tu dirección de correo electrónico',
      preheader: 'Un clic y tu cuenta de TourConnect está lista.',
      paragraphs: [
        'Gracias por registrarte en TourConnect. Confirma que esta dirección de correo es tuya.',
        `El enlace funciona una sola vez y caduca el ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Confirmar dirección de correo',
      note: 'Si no has creado una cuenta de TourConnect, ignora este correo: sin el enlace no ocurre nada.',
    }),
    reset_password: (p, f) => ({
      subject: 'Restablece tu contraseña',
      preheader: 'Elige una nueva contraseña para tu cuenta de TourConnect.',
      paragraphs: [
        'Hemos recibido una solicitud para restablecer la contraseña de tu cuenta de TourConnect.',
        `El enlace funciona una sola vez y caduca el ${f.dateTime(p.expiresAt)}. Tras el cambio se cerrarán todas tus sesiones.`,
      ],
      action: 'Elegir una nueva contraseña',
      note: 'Si no lo has solicitado, ignora este correo: tu contraseña no cambia.',
    }),
    confirm_email_change: (p, f) => ({
      subject: 'Confirma tu nueva dirección de correo',
      preheader: 'Confirma la dirección que quieres usar en TourConnect.',
      paragraphs: [
        `Has pedido usar ${p.newEmail} en tu cuenta de TourConnect. Confirma que esta dirección es tuya.`,
        `El enlace funciona una sola vez y caduca el ${f.dateTime(p.expiresAt)}. Hasta entonces sigue activa tu dirección actual.`,
      ],
      action: 'Confirmar nueva dirección',
      note: 'Si no lo has solicitado, ignora este correo: sin el enlace no cambia nada.',
    }),
    email_change_notice: (p) => ({
      subject: 'Tu dirección de correo va a cambiar',
      preheader: 'Alguien ha pedido trasladar tu cuenta de TourConnect a otra dirección.',
      paragraphs: [
        `Se ha solicitado cambiar la dirección de correo de tu cuenta de TourConnect a ${p.newEmail}.`,
        'El cambio solo se produce cuando se confirma la nueva dirección.',
      ],
      action: 'Revisar tu cuenta',
      note: 'Si no has sido tú, cambia ahora tu contraseña: puede que alguien haya iniciado sesión en tu cuenta.',
    }),
    account_exists: () => ({
      subject: 'Ya tienes una cuenta de TourConnect',
      preheader: 'Alguien ha intentado registrarse con esta dirección.',
      paragraphs: [
        'Alguien acaba de intentar crear una cuenta de TourConnect con esta dirección de correo, pero ya tienes una.',
        'Si has sido tú, inicia sesión. Si has olvidado tu contraseña, puedes restablecerla.',
      ],
      action: 'Iniciar sesión',
      note: 'Si no has sido tú, puedes ignorar este correo: tu cuenta no ha cambiado.',
    }),
    account_locked: (p, f) => ({
      subject: 'Tu cuenta ha sido bloqueada',
      preheader: 'Demasiados inicios de sesión fallidos.',
      paragraphs: [
        `Tras muchos intentos fallidos de inicio de sesión, tu cuenta de TourConnect está bloqueada hasta el ${f.dateTime(p.lockedUntil)}.`,
        'Si has sido tú, espera hasta entonces o restablece tu contraseña, lo que también desbloquea la cuenta.',
      ],
      action: 'Restablecer contraseña',
      note: 'Si no has sido tú, alguien intenta adivinar tu contraseña: elige una nueva y segura.',
    }),
    partner_invitation: (p, f) => ({
      subject: `Te han invitado a unirte a ${p.partnerName} en TourConnect`,
      preheader: `Únete a ${p.partnerName} como ${f.role(p.role)}.`,
      paragraphs: [
        `Te han invitado a unirte a ${p.partnerName} en TourConnect como ${f.role(p.role)}.`,
        `Para aceptar, abre el enlace e inicia sesión (o regístrate) con esta dirección de correo. La invitación caduca el ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Aceptar invitación',
      note: 'Si no conoces esta empresa, ignora este correo.',
    }),
    partner_submitted: (p) => ({
      subject: `${p.partnerName} está pendiente de revisión`,
      preheader: 'Hemos recibido los datos del socio.',
      paragraphs: [
        `Gracias: hemos recibido los datos y documentos de ${p.partnerName}.`,
        'Nuestro equipo los revisa y recibirás un correo en cuanto se tome una decisión.',
      ],
      action: 'Abrir el Portal de Socios',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_verified: (p) => ({
      subject: `${p.partnerName} ya es un socio verificado`,
      preheader: 'La insignia Partner Verified ya es visible.',
      paragraphs: [
        `Buenas noticias: ${p.partnerName} ha sido verificado.`,
        'Los viajeros ya ven la insignia Partner Verified en tu perfil y en el directorio.',
      ],
      action: 'Abrir el Portal de Socios',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_rejected: (p) => ({
      subject: `${p.partnerName} necesita cambios antes de la verificación`,
      preheader: 'La revisión ha encontrado algo que corregir.',
      paragraphs: [
        `Hemos revisado ${p.partnerName} y todavía no hemos podido verificarlo. Motivo indicado:`,
        p.reason,
        'Corrígelo en el Portal de Socios y vuelve a enviarlo.',
      ],
      action: 'Corregir y reenviar',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_suspended: (p) => ({
      subject: `${p.partnerName} ha sido suspendido`,
      preheader: 'Tu ficha está oculta por ahora.',
      paragraphs: [
        `${p.partnerName} ha sido suspendido: su insignia y sus anuncios están ocultos. Motivo indicado:`,
        p.reason,
        'Contacta con nosotros desde el Portal de Socios para resolverlo.',
      ],
      action: 'Abrir el Portal de Socios',
      note: 'Recibes este correo porque eres el propietario de este socio en TourConnect.',
    }),
    partner_deleted: (p) => ({
      subject: `Los datos de ${p.partnerName} han sido borrados`,
      preheader: 'Tu solicitud de eliminación se ha completado.',
      paragraphs: [
        `Todos los servicios de TourConnect lo han confirmado: los datos de ${p.partnerName} están borrados, salvo los registros que la ley nos obliga a conservar, que se han anonimizado.`,
        'Tu cuenta personal sigue abierta hasta que la elimines.',
      ],
      action: 'Abrir tu cuenta',
      note: 'Recibes este correo porque solicitaste esta eliminación.',
    }),
  },
};
